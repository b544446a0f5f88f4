import DanVanCore
import Fluent
import SQLKit

/// The report lines of "Việc cần làm": the unit's own reports still to send (due, overdue while
/// the period is still open, returned with the reason), and those below waiting for approval.
enum ToDoReports {
    static func own(_ unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let years = today.month <= 2 ? [today.year - 1, today.year] : [today.year]
        var items: [ToDoItem] = []
        for year in years {
            let schemes = try await ReportSchemes.covering(unitID: unit.requireID, year: year, on: db)
            guard !schemes.isEmpty else { continue }
            let reports = try await Report.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$year == year).all()
            let byMonth = Dictionary(reports.map { ($0.endMonth, $0) }, uniquingKeysWith: { first, _ in first })
            let from = unit.validFrom.flatMap(CivilDate.init(parsing:)), to = unit.validTo.flatMap(CivilDate.init(parsing:))
            for frequency in Set(schemes.map(\.frequency)) {
                let matching = schemes.filter { $0.frequency == frequency }
                for period in frequency.periods(in: year) where period.overlaps(from: from, to: to) {
                    let window = ReportSchemes.window(of: period, under: matching)
                    let deadline = window.deadline, closes = window.closesOn
                    let report = byMonth[period.lastMonth]
                    let state = report?.state
                    guard state != .submitted, state != .approved, period.firstDay <= today, closes >= today else { continue }
                    let returned = state == .returned
                    items.append(ToDoItem(.report, what: returned ? "Sửa và gửi lại báo cáo \(period.label)" : "Gửi báo cáo \(period.label)",
                                          forWhom: unit.name, due: deadline,
                                          note: returned ? "Bị trả lại: \(report?.reason ?? "")" : (state == .draft ? "Đã lưu nháp, chưa gửi" : nil),
                                          href: SiteRoute.report(unit.code).path + "?period=" + period.code,
                                          urgency: .of(due: deadline, today: today, returned: returned)))
                }
            }
        }
        return items
    }

    static let approvalLimit = 30

    /// Reports submitted below the unit, oldest first; the count of all of them.
    static func waitingApproval(below unitID: Int, today: CivilDate, on db: any Database) async throws -> (items: [ToDoItem], total: Int) {
        let sql = try UnitClosure.sqlDatabase(db)
        let total = try await sql.raw("""
            SELECT COUNT(*) AS n FROM reports r
            JOIN unit_closure c ON c.descendant_id = r.unit_id AND c.ancestor_id = \(bind: unitID) AND c.depth > 0
            WHERE r.state = 'submitted'
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        guard total > 0 else { return ([], 0) }
        let rows = try await sql.raw("""
            SELECT u.code, u.name, r.period, r.late FROM reports r
            JOIN unit_closure c ON c.descendant_id = r.unit_id AND c.ancestor_id = \(bind: unitID) AND c.depth > 0
            JOIN units u ON u.id = r.unit_id
            WHERE r.state = 'submitted'
            ORDER BY r.submitted_at, u.code LIMIT \(literal: approvalLimit)
            """).all()
        let items = try rows.map { row in
            let code = try row.decode(column: "code", as: String.self)
            let period = try row.decode(column: "period", as: String.self)
            let late = try row.decode(column: "late", as: Bool.self)
            return ToDoItem(.approval, what: "Duyệt báo cáo \(ReportPeriod(code: period)?.label ?? period)",
                            forWhom: try row.decode(column: "name", as: String.self), due: nil, note: late ? "Gửi trễ hạn" : nil,
                            href: SiteRoute.report(code).path + "?period=" + period,
                            urgency: .of(due: nil, today: today, waiting: true))
        }
        return (items, total)
    }
}
