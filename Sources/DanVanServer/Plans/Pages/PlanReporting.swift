import DanVanCore
import Fluent
import SQLKit

/// The plan page's reporting card: the duty as set (or a form to set it) and each target
/// evaluated on the latest figures of the plan's year at the unit that reports.
struct PlanReporting: Encodable {
    let frequencyLabel: String?
    let scopeName: String?
    let deadlineDays: Int
    let closeDays: Int
    let periodLabel: String?
    let dashboardHref: String?
    let action: String?
    let frequencies: [SelectOption]
    let errors: FormErrors

    struct Evaluated {
        let reporting: PlanReporting
        /// Target id → "Đạt: 17/20 = 85% …", for the targets table.
        let evaluations: [Int: String]
    }

    static func query(_ plan: Plan, scheme: ReportScheme?, targets: [PlanTargetRecord], canEdit: Bool, links: UnitLinks, errors: FormErrors = .none,
                      rollups: GenerationCache<RollupResult>, on db: any Database) async throws -> Evaluated {
        let scope = try await OrgUnit.find(scheme?.scopeUnitID ?? plan.unitID, on: db)
        let period = try await latestPeriod(year: plan.year, on: db)
        var evaluations: [Int: String] = [:]
        if let period, let scope {
            let rollup = try await RollupQuery.cached(rootID: scope.requireID, period: period, includeSubmitted: false, in: rollups, on: db)
            for target in targets {
                let result = TargetEvaluation.evaluate(target.threshold, target.indicatorID.flatMap { rollup.value(of: $0, at: scope.requireID) })
                evaluations[target.requireID] = result.status == .noData ? result.status.label : "\(result.status.label): \(result.explanation)"
            }
        }
        let current = scheme?.reportFrequency
        let reporting = PlanReporting(
            frequencyLabel: current?.label, scopeName: scheme == nil ? nil : scope?.name,
            deadlineDays: scheme?.deadlineDays ?? ReportScheme.defaultDeadlineDays, closeDays: scheme?.closeDays ?? ReportScheme.defaultCloseDays,
            periodLabel: period?.label,
            dashboardHref: period.flatMap { period in scope.flatMap { links.mayOpen($0.requireID) ? DashboardLink(period: period, indicatorID: nil, includeSubmitted: false).href(.dashboard($0.code)) : nil } },
            action: canEdit ? SiteRoute.planReporting(plan.requireID).path : nil,
            frequencies: ReportFrequency.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == (current ?? .month)) },
            errors: errors)
        return Evaluated(reporting: reporting, evaluations: evaluations)
    }

    /// The last month of the year anyone reported for; figures are totals from January.
    private static func latestPeriod(year: Int, on db: any Database) async throws -> ReportPeriod? {
        let row = try await UnitClosure.sqlDatabase(db).raw("SELECT MAX(end_month) AS m FROM reports WHERE year = \(bind: year)").first()
        guard let month = try row?.decode(column: "m", as: Int?.self) else { return nil }
        return ReportPeriod(frequency: .month, year: year, index: month)
    }
}
