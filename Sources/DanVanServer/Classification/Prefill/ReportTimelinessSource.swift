import DanVanCore
import Fluent
import SQLKit

/// Reports sent on time this year: of the monthly reports a unit owed for months already ended,
/// those sent (or approved) and not late.
struct ReportTimelinessSource: PrefillSource {
    let key = "reports.on_time"
    let label = "Báo cáo định kỳ gửi đầy đủ, đúng hạn"

    func measure(_ scope: PrefillScope, on db: any Database) async throws -> [Int: PrefillMeasure] {
        let sql = try UnitClosure.sqlDatabase(db)
        var due: [Int: Int] = [:]
        var onTime: [Int: Int] = [:]
        let months = (1...12).compactMap { ReportPeriod(frequency: .month, year: scope.year, index: $0) }.filter { $0.lastDay < scope.asOf }
        for month in months {
            let scopes = try await CompletenessQuery.scopeIDs(year: scope.year, endMonth: month.lastMonth, on: sql)
            guard !scopes.isEmpty else { continue }
            let rows = try await sql.raw("""
                SELECT u.id AS unit_id,
                       SUM(CASE WHEN r.state IN ('submitted', 'approved') AND r.late = \(bind: false) THEN 1 ELSE 0 END) AS on_time
                FROM units u
                LEFT JOIN reports r ON r.unit_id = u.id AND r.year = \(bind: scope.year) AND r.end_month = \(bind: month.lastMonth)
                WHERE u.id IN (\(PrefillSources.sheetUnits(scope.roundID)))
                  AND (u.valid_from IS NULL OR u.valid_from <= \(bind: month.lastDay.description))
                  AND (u.valid_to IS NULL OR u.valid_to >= \(bind: month.firstDay.description))
                  AND EXISTS (SELECT 1 FROM unit_closure sc WHERE sc.descendant_id = u.id AND sc.ancestor_id IN (\(binds: scopes)))
                GROUP BY u.id
                """).all()
            for row in rows {
                let unit = try row.decode(column: "unit_id", as: Int.self)
                due[unit, default: 0] += 1
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
