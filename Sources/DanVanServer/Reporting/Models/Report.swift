import DanVanCore
import Fluent
import Foundation

/// One unit's report for one period (see CreateReport).
final class Report: Model, @unchecked Sendable {
    static let schema = "reports"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "period") var period: String
    @Field(key: "year") var year: Int
    @Field(key: "end_month") var endMonth: Int
    @Enum(key: "state") var state: ReportState
    @Field(key: "narrative") var narrative: String
    @Field(key: "deadline") var deadline: String
    @Field(key: "late") var late: Bool
    /// A manager above reopened it, so it may be changed after its period closed.
    @Field(key: "reopened") var reopened: Bool
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_by") var submittedBy: Int?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: Int?
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(unitID: Int, period: ReportPeriod, deadline: CivilDate) {
        self.unitID = unitID
        self.period = period.code
        self.year = period.year
        self.endMonth = period.lastMonth
        self.state = .draft
        self.narrative = ""
        self.deadline = deadline.description
        self.late = false
        self.reopened = false
        self.version = 1
        self.updatedAt = Date()
    }

    var reportPeriod: ReportPeriod? { ReportPeriod(code: period) }
    var requireID: Int { id ?? 0 }
}
