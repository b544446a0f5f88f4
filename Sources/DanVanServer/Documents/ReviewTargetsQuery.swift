import DanVanCore
import DanVanDocuments
import Fluent

/// The targets a review report evaluates: those with an indicator, on the roll-up (as the
/// dashboard does), then the unit's own targets without one, named as not measured. Each is
/// placed under the heading of its plan it was read under, its area.
enum ReviewTargetsQuery {
    static func load(unit: OrgUnit, year: Int, rollup: RollupResult, models: ModelSummary? = nil,
                     on db: any Database) async throws -> [ReviewReportExport.Target] {
        let measured = try await DashboardQueries.targets(unitID: unit.requireID, year: year, on: db)
        let ownPlans = try await Plan.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$year == year).all().map(\.requireID)
        let unmeasured = ownPlans.isEmpty ? [] : try await PlanTargetRecord.query(on: db).filter(\.$planID ~~ ownPlans)
            .filter(\.$indicatorID == nil).sort(\.$planID).sort(\.$position).all()
        let planIDs = Set(measured.map(\.planID) + unmeasured.map(\.planID))
        let sections = planIDs.isEmpty ? [] : try await PlanSectionRecord.query(on: db).filter(\.$planID ~~ planIDs).all()
        let sectionsByPlan = Dictionary(grouping: sections, by: \.planID)
        // Targets handed down in a plan above and those of the unit's own plan are told apart by
        // the plan; within one plan, by the heading they stand under.
        let byPlan = planIDs.count > 1
        let plans = byPlan ? try await Plan.query(on: db).filter(\.$id ~~ planIDs).all() : []
        let labels = Dictionary(uniqueKeysWithValues: plans.map { ($0.requireID, DocumentNames.planReference($0)) })
        func area(_ planID: Int, _ line: Int) -> String? {
            if byPlan { return "Chỉ tiêu theo \(labels[planID]?.firstLetterLowercased ?? "kế hoạch")" }
            return sectionsByPlan[planID]?.filter { $0.line <= line && $0.line > 0 }.max { $0.line < $1.line }?.heading
        }
        let fromRegister = try await ModelTargets.evaluations(measured, unit: unit, year: year, today: rollup.period.lastDay, summary: models, on: db)
        let fromClassification = try await ClassificationTargets.evaluations(measured, unit: unit, year: year, on: db)
        let fromTraining = try await TrainingTargets.evaluations(measured, unit: unit, year: year, on: db)
        var targets = measured.enumerated().map { index, row -> ReviewReportExport.Target in
            if let evaluation = fromTraining[index] ?? fromClassification[index] ?? fromRegister[index] {
                return .init(area: area(row.planID, row.line), text: row.text, threshold: row.threshold.phrase, numerator: nil,
                             denominator: nil, evaluation: evaluation)
            }
            let value = rollup.value(of: row.indicatorID, at: unit.requireID)
            let parts = value.map(figures) ?? (nil, nil)
            return .init(area: area(row.planID, row.line), text: row.text, threshold: row.threshold.phrase, numerator: parts.0,
                         denominator: parts.1, evaluation: TargetEvaluation.evaluate(row.threshold, value))
        }
        targets += unmeasured.map { record in
            .init(area: area(record.planID, record.line), text: record.text, threshold: record.threshold.phrase, numerator: nil, denominator: nil,
                  evaluation: .notMeasured)
        }
        return targets
    }

    /// The numerator (or count) and denominator the evaluation rests on.
    private static func figures(_ value: IndicatorValue) -> (Double?, Double?) {
        switch value {
        case .ratio(let numerator, let denominator): (numerator, denominator)
        case .count(let count): (count, nil)
        case .childCoverage(let meeting, let of): (Double(meeting), Double(of))
        case .yesNo(let done): (done ? 1 : 0, nil)
        }
    }
}
