import DanVanCore
import Fluent
import SQLKit

/// Reports sent on time this year: of the monthly reports a unit owed whose deadline has passed
/// (the shortest deadline of the year's reporting duties, as the report form counts it), those
/// sent (or approved) and not late. Months owed under the same reporting scopes are
/// counted in one query (usually all of them), each month checked against the unit's validity.
struct ReportTimelinessSource: PrefillSource {
    let key = "reports.on_time"
    let label = "Báo cáo định kỳ gửi đầy đủ, đúng hạn"

    func measure(_ scope: PrefillScope, on db: any Database) async throws -> [Int: PrefillMeasure] {
        let sql = try UnitClosure.sqlDatabase(db)
        let deadlineDays = try await sql.raw("""
            SELECT MIN(s.deadline_days) AS days FROM report_schemes s JOIN plans p ON p.id = s.plan_id WHERE p.year = \(bind: scope.year)
            """).first()?.decode(column: "days", as: Int?.self) ?? ReportScheme.defaultDeadlineDays
        let months = (1...12).compactMap { ReportPeriod(frequency: .month, year: scope.year, index: $0) }
            .filter { $0.deadline(afterDays: deadlineDays) < scope.asOf }
        var byScopes: [[Int]: [ReportPeriod]] = [:]
        for month in months {
            let scopes = try await CompletenessQuery.scopeIDs(year: scope.year, endMonth: month.lastMonth, on: sql).sorted()
            if !scopes.isEmpty { byScopes[scopes, default: []].append(month) }
        }
        var due: [Int: Int] = [:]
        var onTime: [Int: Int] = [:]
        for (scopes, owed) in byScopes {
            let monthRows = owed.map { month in
                // Typed, so PostgreSQL compares them with the columns as SQLite does.
                "SELECT CAST(\(bind: month.lastMonth) AS INTEGER) AS month, CAST(\(bind: month.firstDay.description) AS TEXT) AS first_day, "
                    + "CAST(\(bind: month.lastDay.description) AS TEXT) AS last_day" as SQLQueryString
            }
            // The units owing reports under these scopes are found once, then crossed with the months.
            let rows = try await sql.raw("""
                SELECT u.id AS unit_id, COUNT(*) AS due,
                       SUM(CASE WHEN r.state IN ('submitted', 'approved') AND r.late = \(bind: false) THEN 1 ELSE 0 END) AS on_time
                FROM (SELECT o.id, o.valid_from, o.valid_to FROM units o
                      WHERE o.id IN (\(PrefillSources.sheetUnits(scope.roundID)))
                        AND EXISTS (SELECT 1 FROM unit_closure sc WHERE sc.descendant_id = o.id AND sc.ancestor_id IN (\(binds: scopes)))) u
                CROSS JOIN (\(monthRows.joined(separator: " UNION ALL "))) m
                LEFT JOIN reports r ON r.unit_id = u.id AND r.year = \(bind: scope.year) AND r.end_month = m.month
                WHERE (u.valid_from IS NULL OR u.valid_from <= m.last_day) AND (u.valid_to IS NULL OR u.valid_to >= m.first_day)
                GROUP BY u.id
                """).all()
            for row in rows {
                let unit = try row.decode(column: "unit_id", as: Int.self)
                due[unit, default: 0] += try row.decode(column: "due", as: Int.self)
                onTime[unit, default: 0] += try row.decode(column: "on_time", as: Int?.self) ?? 0
            }
        }
        return due.reduce(into: [:]) { result, entry in
            let sent = onTime[entry.key] ?? 0
            result[entry.key] = PrefillMeasure(numerator: sent, denominator: entry.value,
                                               figures: "\(sent)/\(entry.value) kỳ báo cáo tháng đã qua gửi đúng hạn")
        }
    }
}
