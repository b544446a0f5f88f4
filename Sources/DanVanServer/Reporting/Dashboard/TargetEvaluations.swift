import DanVanCore
import Fluent

/// A unit's targets for a period evaluated the one way the dashboard shows them: computed kinds
/// from their registers ("Dân vận khéo", classification, training rosters), the rest from the reported roll-up.
enum TargetEvaluations {
    static func evaluate(_ rows: [DashboardQueries.TargetRow], unit: OrgUnit, period: ReportPeriod, rollup: RollupResult,
                         on db: any Database) async throws -> [TargetEvaluation] {
        let fromRegister = try await ModelTargets.evaluations(rows, unit: unit, year: period.year, today: period.lastDay, on: db)
        let fromClassification = try await ClassificationTargets.evaluations(rows, unit: unit, year: period.year, on: db)
        let fromTraining = try await TrainingTargets.evaluations(rows, unit: unit, year: period.year, on: db)
        let fromPublications = try await PublicationTargets.evaluations(rows, unit: unit, period: period, on: db)
        let fromBoards = try await BoardCoverage.evaluations(rows, unit: unit, period: period, on: db)
        return rows.enumerated().map { index, row in
            fromBoards[index] ?? fromPublications[index] ?? fromTraining[index] ?? fromClassification[index] ?? fromRegister[index] ?? TargetEvaluation.evaluate(row.threshold, rollup.value(of: row.indicatorID, at: unit.requireID))
        }
    }

    /// For one unit outside a page (pre-filling a classification sheet): its rows and roll-up read here.
    static func evaluate(unit: OrgUnit, period: ReportPeriod, on db: any Database) async throws -> [TargetEvaluation] {
        let rows = try await DashboardQueries.targets(unitID: unit.requireID, year: period.year, on: db)
        guard !rows.isEmpty else { return [] }
        let rollup = try await RollupQuery.compute(rootID: unit.requireID, period: period, includeSubmitted: false, on: db)
        return try await evaluate(rows, unit: unit, period: period, rollup: rollup, on: db)
    }
}
