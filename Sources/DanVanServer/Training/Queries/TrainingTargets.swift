import DanVanCore
import Fluent

/// Targets measured by the rosters ("trên 85% cán bộ … được tập huấn"): the distinct people of
/// the unit's subtree trained in the year over those in scope on 31 December. No figure typed.
enum TrainingTargets {
    static func evaluations(_ rows: [DashboardQueries.TargetRow], unit: OrgUnit, year: Int, summary known: TrainingSummary? = nil,
                            on db: any Database) async throws -> [Int: TargetEvaluation] {
        let measured = rows.enumerated().filter { $0.element.kind == .trainedShare }
        guard !measured.isEmpty else { return [:] }
        let summary = if let known { known } else { try await TrainingSummary.load(rootID: unit.requireID, year: year, on: db) }
        var evaluations: [Int: TargetEvaluation] = [:]
        for (index, row) in measured { evaluations[index] = summary.target.evaluate(row.threshold) }
        return evaluations
    }
}
