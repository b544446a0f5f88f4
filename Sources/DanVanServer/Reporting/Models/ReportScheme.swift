import DanVanCore
import Fluent

/// A plan's reporting duty (see CreateReportScheme).
final class ReportScheme: Model, @unchecked Sendable {
    static let schema = "report_schemes"
    static let defaultDeadlineDays = 5
    static let defaultCloseDays = 30
    static let defaultJumpShare = 0.2

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "scope_unit_id") var scopeUnitID: Int
    @Field(key: "frequency") var frequency: String
    @Field(key: "deadline_days") var deadlineDays: Int
    @Field(key: "close_days") var closeDays: Int
    @Field(key: "jump_share") var jumpShare: Double
    @Field(key: "version") var version: Int

    init() {}

    init(planID: Int, scopeUnitID: Int, frequency: ReportFrequency,
         deadlineDays: Int = ReportScheme.defaultDeadlineDays, jumpShare: Double = ReportScheme.defaultJumpShare) {
        self.planID = planID
        self.scopeUnitID = scopeUnitID
        self.frequency = frequency.rawValue
        self.deadlineDays = deadlineDays
        self.closeDays = ReportScheme.defaultCloseDays
        self.jumpShare = jumpShare
        self.version = 1
    }

    var reportFrequency: ReportFrequency { ReportFrequency(rawValue: frequency) ?? .month }
}
