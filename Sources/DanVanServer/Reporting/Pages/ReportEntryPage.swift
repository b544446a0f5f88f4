import DanVanCore
import Fluent

/// One unit's report for one period: the figures to enter (with last period's beside them),
/// the narrative, where the report stands, and the forms the user may use.
struct ReportEntryPage: Encodable {
    struct Item: Encodable {
        let id: Int
        let name: String
        let kindLabel: String
        let isRatio: Bool
        let isYesNo: Bool
        let numerator: String
        let denominator: String
        let note: String
        let previous: String
        /// The figures as read by someone who cannot change them: "22/26", "4", "Có".
        let shown: String
        let numeratorError: String?
        let denominatorError: String?
        /// The figure when the report was last returned, when it has changed since.
        let changedFrom: String?
    }

    struct PeriodLink: Encodable {
        let label: String
        let href: String
        let stateLabel: String
        let current: Bool
    }

    let unitCode: String
    let unitName: String
    let periodCode: String
    let periodLabel: String
    let stateLabel: String
    let state: String
    let deadline: String
    let closesOn: String
    let isClosed: Bool
    let late: Bool
    /// The reason of a return or reopening still in force; earlier reasons are in `history`.
    let reason: String?
    let history: [ReportHistory.Step]
    let changedCount: Int
    let version: String
    let items: [Item]
    let narrative: String
    let canEdit: Bool
    let canDecide: Bool
    let canReopen: Bool
    let askConfirm: Bool
    let errors: FormErrors
    let periods: [PeriodLink]
    let actionHref: String
    let dashboardHref: String

    static func query(unit: OrgUnit, form: ReportForm, user: User, typed: ReportInput? = nil, errors: FormErrors = .none,
                      on db: any Database) async throws -> ReportEntryPage {
        let report = try await ReportLookup.report(unitID: unit.requireID, period: form.period, on: db)
        let stored = try await report.asyncMap { try await ReportLookup.values(reportID: $0.requireID, on: db) } ?? [:]
        let previous = try await ReportLookup.previousValues(unitID: unit.requireID, period: form.period, on: db)
        let state = report?.state ?? .draft
        let relation = try await Authorizer.relation(of: user, to: unit.requireID, on: db)
        let today = Today.date
        let open = !form.window.isClosed(on: today) || report?.reopened == true
        let history = try await report.asyncMap { try await ReportHistory.load(reportID: $0.requireID, on: db) }
        let items = form.items.map { item in
            let typedFigures = typed?.figures[item.indicatorID]
            let value = stored[item.indicatorID]
            return Item(id: item.indicatorID, name: item.name, kindLabel: item.kind.label, isRatio: item.kind == .ratio,
                        isYesNo: item.kind == .yesNo,
                        numerator: typedFigures?.numerator ?? value?.numerator.map(String.init) ?? "",
                        denominator: typedFigures?.denominator ?? value?.denominator.map(String.init) ?? "",
                        note: typedFigures?.note ?? value?.comment ?? "",
                        previous: previous[item.indicatorID].map(shown) ?? "",
                        shown: value.map { item.kind == .yesNo ? ($0.numerator == 1 ? "Có" : $0.numerator == 0 ? "Không" : "—") : shown($0) } ?? "—",
                        numeratorError: errors.byField["v\(item.indicatorID)_num"], denominatorError: errors.byField["v\(item.indicatorID)_den"],
                        changedFrom: changed(history?.figuresAtReturn, now: value, indicatorID: item.indicatorID))
        }
        return ReportEntryPage(
            unitCode: unit.code, unitName: unit.name, periodCode: form.period.code, periodLabel: form.period.label,
            stateLabel: report == nil ? "Chưa bắt đầu" : state.label, state: state.rawValue,
            deadline: form.deadline.vietnamese, closesOn: form.closesOn.vietnamese, isClosed: !open, late: report?.late ?? false,
            reason: state.isEditable ? report?.reason : nil,
            history: history?.steps ?? [], changedCount: items.filter { $0.changedFrom != nil }.count, version: report.map { String($0.version) } ?? "", items: items,
            narrative: typed?.narrative ?? report?.narrative ?? "",
            canEdit: state.isEditable && open && Authorizer.allows(user, .enterReport, relation: relation),
            canDecide: state == .submitted && Authorizer.allows(user, .approveReport, relation: relation),
            canReopen: (state == .approved || state == .submitted) && Authorizer.allows(user, .approveReport, relation: relation),
            askConfirm: errors.byField["confirmJumps"] != nil, errors: errors,
            periods: try await periodLinks(unit: unit, form: form, on: db),
            actionHref: SiteRoute.reportAction(unit.code).path,
            dashboardHref: DashboardLink(period: form.period, indicatorID: nil, includeSubmitted: false).href(.dashboard(unit.code)))
    }

    private static func shown(_ value: ReportValue) -> String { ReportHistory.shown(value) }

    /// What the figure was when the report was returned, if it differs now.
    private static func changed(_ atReturn: [Int: String]?, now value: ReportValue?, indicatorID: Int) -> String? {
        guard let atReturn else { return nil }
        let before = atReturn[indicatorID] ?? ""
        let after = value.map(shown) ?? ""
        return before == after ? nil : (before.isEmpty ? "trống" : before)
    }

    private static func periodLinks(unit: OrgUnit, form: ReportForm, on db: any Database) async throws -> [PeriodLink] {
        let reports = try await Report.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$year == form.period.year).all()
        let states = Dictionary(reports.map { ($0.endMonth, $0.state.label) }, uniquingKeysWith: { first, _ in first })
        return form.period.frequency.periods(in: form.period.year).map { period in
            PeriodLink(label: period.label, href: SiteRoute.report(unit.code).path + "?period=" + period.code,
                       stateLabel: states[period.lastMonth] ?? "Chưa bắt đầu", current: period == form.period)
        }
    }
}
