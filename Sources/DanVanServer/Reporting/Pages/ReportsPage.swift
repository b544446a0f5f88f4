import DanVanCore
import Fluent
import SQLKit

/// "Báo cáo": the user's unit's reports for the year, the reports below waiting for the user to
/// approve, and the CSV upload.
struct ReportsPage: Encodable {
    struct Line: Encodable {
        let unitName: String
        let periodLabel: String
        let stateLabel: String
        let state: String
        let late: Bool
        let href: String
    }

    let unitName: String?
    let year: Int
    let own: [Line]
    let waiting: [Line]
    let waitingMore: Bool
    let dashboardHref: String?
    let canImport: Bool
    let importAction = SiteRoute.reportsImport.path
    let templateHref = SiteRoute.reportsTemplate.path
    let errors: FormErrors
    let notice: String?
    let years: YearChoice?

    static let waitingLimit = 100

    static func query(for user: User, year requested: String?, errors: FormErrors = .none, notice: String? = nil,
                      on db: any Database) async throws -> ReportsPage {
        let today = Today.date
        guard let unitID = user.unitID, let unit = try await OrgUnit.find(unitID, on: db) else {
            return ReportsPage(unitName: nil, year: today.year, own: [], waiting: [], waitingMore: false, dashboardHref: nil,
                               canImport: false, errors: errors, notice: notice, years: nil)
        }
        let span = try await YearChoice.years(for: unit, today: today, on: db)
        let year = YearChoice.requested(requested, within: span, today: today)
        let waiting = user.userRole == .manager || user.userRole == .admin ? try await waitingLines(below: unitID, on: db) : []
        return ReportsPage(unitName: unit.name, year: year, own: try await ownLines(unit, year: year, on: db),
                           waiting: Array(waiting.prefix(waitingLimit)), waitingMore: waiting.count > waitingLimit,
                           dashboardHref: SiteRoute.dashboard(unit.code).path + "?period=" + dashboardPeriod(year, today: today),
                           canImport: user.userRole != .viewer, errors: errors, notice: notice,
                           years: span.count > 1 ? .make(action: SiteRoute.reports.path, selected: year, years: span) : nil)
    }

    /// The year's figures so far: last month for the current year, the whole year for a past one.
    private static func dashboardPeriod(_ year: Int, today: CivilDate) -> String {
        guard year == today.year, today.month > 1, let last = ReportPeriod(frequency: .month, year: year, index: today.month - 1) else {
            return String(year)
        }
        return last.code
    }

    private static func ownLines(_ unit: OrgUnit, year: Int, on db: any Database) async throws -> [Line] {
        let schemes = try await ReportSchemes.covering(unitID: unit.requireID, year: year, on: db)
        let frequencies = Set(schemes.map(\.frequency))
        let reports = try await Report.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$year == year).all()
        let byMonth = Dictionary(reports.map { ($0.endMonth, $0) }, uniquingKeysWith: { first, _ in first })
        let from = unit.validFrom.flatMap(CivilDate.init(parsing:)), to = unit.validTo.flatMap(CivilDate.init(parsing:))
        let periods = Set(frequencies.flatMap { $0.periods(in: year) }).filter { $0.overlaps(from: from, to: to) }.sorted()
        return periods.map { period in
            let report = byMonth[period.lastMonth]
            return Line(unitName: unit.name, periodLabel: period.label, stateLabel: report?.state.label ?? "Chưa bắt đầu",
                        state: report?.state.rawValue ?? "none", late: report?.late ?? false,
                        href: SiteRoute.report(unit.code).path + "?period=" + period.code)
        }
    }

    private static func waitingLines(below unitID: Int, on db: any Database) async throws -> [Line] {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT u.code, u.name, r.period, r.late FROM reports r
            JOIN unit_closure c ON c.descendant_id = r.unit_id AND c.ancestor_id = \(bind: unitID) AND c.depth > 0
            JOIN units u ON u.id = r.unit_id
            WHERE r.state = 'submitted'
            ORDER BY r.year DESC, r.end_month DESC, u.code LIMIT \(literal: waitingLimit + 1)
            """).all()
        return try rows.map { row in
            let code = try row.decode(column: "code", as: String.self)
            let period = try row.decode(column: "period", as: String.self)
            return Line(unitName: try row.decode(column: "name", as: String.self),
                        periodLabel: ReportPeriod(code: period)?.label ?? period, stateLabel: ReportState.submitted.label,
                        state: ReportState.submitted.rawValue, late: try row.decode(column: "late", as: Bool.self),
                        href: SiteRoute.report(code).path + "?period=" + period)
        }
    }
}
