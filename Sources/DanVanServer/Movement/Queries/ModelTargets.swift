import DanVanCore
import Fluent

/// Targets measured by the register, evaluated at a unit for a year from its summary: what the
/// dashboard and the review report show for them instead of a reported figure.
enum ModelTargets {
    /// `summary` when the caller has read it already (the review report writes it too).
    static func evaluations(_ rows: [DashboardQueries.TargetRow], unit: OrgUnit, year: Int, today: CivilDate, summary known: ModelSummary? = nil,
                            on db: any Database) async throws -> [Int: TargetEvaluation] {
        let computed = rows.enumerated().filter { $0.element.kind.isComputed }
        guard !computed.isEmpty else { return [:] }
        let summary = if let known { known } else { try await ModelSummaryQuery.load(unit: unit, year: year, today: today, on: db) }
        var evaluations: [Int: TargetEvaluation] = [:]
        for (index, row) in computed {
            evaluations[index] = ModelTargetEvaluation.evaluate(row.threshold, kind: row.kind, perUnit: row.perUnit, units: summary.unitCounts,
                                                                registered: summary.registered, recognised: summary.recognised)
        }
        return evaluations
    }
}
