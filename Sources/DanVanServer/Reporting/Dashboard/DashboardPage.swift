import DanVanCore
import Fluent

/// A unit's dashboard for a period: its targets met or not, one indicator across its children
/// and through the year, and who has reported. Built once per report generation and cached.
struct DashboardPage: Sendable {
    struct TargetLine: Sendable {
        let text: String
        let planLabel: String
        let evaluation: TargetEvaluation
        let indicatorID: Int
    }

    struct ChildLine: Sendable {
        let code: String
        let name: String
        let totals: RollupTotals
        let value: IndicatorValue?
        let status: TargetEvaluation.Status?
    }

    let unitCode: String
    let unitName: String
    let period: ReportPeriod
    let includesSubmitted: Bool
    let indicators: [RollupResult.Indicator]
    let indicator: RollupResult.Indicator?
    let indicatorTarget: Threshold?
    let targets: [TargetLine]
    let children: [ChildLine]
    let trend: [(label: String, value: IndicatorValue?)]
    let completeness: CompletenessQuery.Result

    static func build(unit: OrgUnit, period: ReportPeriod, indicatorID: Int?, includeSubmitted: Bool,
                      rollups: GenerationCache<RollupResult>, on db: any Database) async throws -> DashboardPage {
        let rollup = try await RollupQuery.cached(rootID: unit.requireID, period: period, includeSubmitted: includeSubmitted,
                                                  in: rollups, on: db)
        let targetRows = try await DashboardQueries.targets(unitID: unit.requireID, year: period.year, on: db)
        let evaluations = try await TargetEvaluations.evaluate(targetRows, unit: unit, period: period, rollup: rollup, on: db)
        let targets = zip(targetRows, evaluations).map { row, evaluation in
            TargetLine(text: row.text, planLabel: row.planLabel, evaluation: evaluation, indicatorID: row.indicatorID)
        }
        let reportedRows = targetRows.filter { !$0.kind.isComputed }
        let chosenID = indicatorID ?? reportedRows.first?.indicatorID ?? firstReported(rollup, at: unit.requireID)
        let indicator = rollup.indicators.first { $0.id == chosenID }
        let threshold = targetRows.first { $0.indicatorID == chosenID }?.threshold
        let stage = includeSubmitted ? 1 : 2
        var children: [ChildLine] = []
        var trend: [(label: String, value: IndicatorValue?)] = []
        if let indicator {
            children = try await childLines(of: unit, indicator: indicator, threshold: threshold, rollup: rollup, stage: stage, on: db)
            let months = try await DashboardQueries.trend(unitID: unit.requireID, indicatorID: indicator.id, year: period.year,
                                                          minimumStage: stage, on: db)
            trend = (1...period.lastMonth).map { month in ("T\(month)", trendValue(months[month], indicator)) }
        }
        return DashboardPage(unitCode: unit.code, unitName: unit.name, period: period, includesSubmitted: includeSubmitted,
                             indicators: rollup.indicators.filter { id in reportedRows.contains { $0.indicatorID == id.id } },
                             indicator: indicator, indicatorTarget: threshold, targets: targets, children: children, trend: trend,
                             completeness: try await CompletenessQuery.load(rootID: unit.requireID, period: period, on: db))
    }

    private static func childLines(of unit: OrgUnit, indicator: RollupResult.Indicator, threshold: Threshold?, rollup: RollupResult,
                                   stage: Int, on db: any Database) async throws -> [ChildLine] {
        let index = rollup.indicators.firstIndex(of: indicator) ?? 0
        return try await DashboardQueries.children(of: unit.requireID, indicatorID: indicator.id, period: rollup.period,
                                                   minimumStage: stage, on: db).compactMap { child in
            let totals = child.hasChildren ? (rollup.totals(of: child.id)?[index] ?? .zero) : child.own
            // Units not yet set up, or already ended, in the period show only if figures reached them.
            guard child.isActive || totals.reporting > 0 else { return nil }
            let value = totals.value(indicator.kind, level: indicator.level)
            return ChildLine(code: child.code, name: child.name, totals: totals, value: value,
                             status: threshold.map { TargetEvaluation.evaluate($0, value).status })
        }
    }

    /// Coverage through the year is the share of all reporting units below reaching the level.
    private static func trendValue(_ totals: RollupTotals?, _ indicator: RollupResult.Indicator) -> IndicatorValue? {
        guard let totals, totals.reporting > 0 else { return nil }
        guard indicator.kind == .childCoverage else { return totals.value(indicator.kind, level: indicator.level) }
        return .childCoverage(meeting: totals.childrenMeeting, of: totals.childrenCounted)
    }

    private static func firstReported(_ rollup: RollupResult, at unitID: Int) -> Int? {
        guard let row = rollup.totals(of: unitID) else { return nil }
        return zip(rollup.indicators, row).first { $0.1.reporting > 0 }?.0.id
    }
}
