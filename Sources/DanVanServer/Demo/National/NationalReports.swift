import DanVanCore
import Foundation
import SQLKit

/// A year of monthly reports and their figures, written by the database itself from
/// arithmetic on unit, indicator, month and seed: deterministic, and 24 million rows do not
/// cross the wire. Some units never report, some report late, and the last months are still
/// being entered and approved.
enum NationalReports {
    /// Per thousand: below `missing` no report; then draft, returned, submitted; the rest approved.
    struct Mix {
        let missing: Int, draft: Int, returned: Int, submitted: Int

        static func of(month: Int) -> Mix {
            switch month {
            case 12: Mix(missing: 30, draft: 250, returned: 270, submitted: 700)
            case 11: Mix(missing: 30, draft: 60, returned: 80, submitted: 300)
            default: Mix(missing: 30, draft: 40, returned: 50, submitted: 80)
            }
        }
    }

    static func insertReports(month: Int, year: Int, provinceID: Int, seed: Int, on sql: any SQLDatabase) async throws {
        let period = ReportPeriod(frequency: .month, year: year, index: month)!
        let deadline = period.deadline(afterDays: ReportScheme.defaultDeadlineDays)
        let mix = Mix.of(month: month)
        let hash: SQLQueryString = "((u.id * 7919 + \(literal: month * 104_729) + \(literal: seed)) % 1000)"
        let stamp = Date(timeIntervalSince1970: TimeInterval(deadline.dayNumber * 86_400))
        try await sql.raw("""
            INSERT INTO reports (unit_id, period, year, end_month, state, narrative, deadline, late, reopened,
                                 submitted_at, version, updated_at)
            SELECT u.id, \(bind: period.code), \(bind: year), \(bind: month),
                   CASE WHEN \(hash) < \(literal: mix.draft) THEN 'draft' WHEN \(hash) < \(literal: mix.returned) THEN 'returned'
                        WHEN \(hash) < \(literal: mix.submitted) THEN 'submitted' ELSE 'approved' END,
                   '', \(bind: deadline.description),
                   (\(hash) >= \(literal: mix.returned) AND (u.id * 31 + \(literal: month * 17 + seed)) % 100 < 8),
                   false, \(bind: stamp), 1, \(bind: stamp)
            FROM unit_closure c JOIN units u ON u.id = c.descendant_id
            WHERE c.ancestor_id = \(bind: provinceID) AND \(hash) >= \(literal: mix.missing)
            """).run()
    }

    static func insertValues(month: Int, year: Int, provinceID: Int, indicatorIDs: [Int], seed: Int, on sql: any SQLDatabase) async throws {
        let unitHash: SQLQueryString = "((r.unit_id * 2654435761 + i.id * 40503 + \(literal: seed)) % 1000)"
        let monthHash: SQLQueryString = "((r.unit_id * 131 + i.id * 17 + \(literal: month * 7 + seed)) % 100)"
        let denominator: SQLQueryString = "(10 + \(unitHash) % 41)"
        let share: SQLQueryString = "(\(denominator) * (40 + \(literal: 5 * month) + \(monthHash) % 15) / 100)"
        try await sql.raw("""
            INSERT INTO report_values (report_id, unit_id, year, end_month, indicator_id, numerator, denominator, comment, stage)
            SELECT r.id, r.unit_id, r.year, r.end_month, i.id,
                   CASE i.kind
                     WHEN 'ratio' THEN CASE WHEN \(share) > \(denominator) THEN \(denominator) ELSE \(share) END
                     WHEN 'count' THEN \(unitHash) % 3 + (\(literal: month) * (1 + \(unitHash) % 2)) / 4
                     WHEN 'yes_no' THEN CASE WHEN \(monthHash) < \(literal: 70 + 2 * month) THEN 1 ELSE 0 END
                     ELSE CASE WHEN \(monthHash) < \(literal: 80 + month) THEN 1 + \(unitHash) % 2 ELSE 0 END
                   END,
                   CASE i.kind WHEN 'ratio' THEN \(denominator) ELSE NULL END,
                   '',
                   CASE r.state WHEN 'approved' THEN 2 WHEN 'submitted' THEN 1 ELSE 0 END
            FROM reports r
            JOIN unit_closure c ON c.descendant_id = r.unit_id AND c.ancestor_id = \(bind: provinceID)
            CROSS JOIN indicators i
            WHERE r.year = \(bind: year) AND r.end_month = \(bind: month) AND i.id IN (\(binds: indicatorIDs))
            """).run()
    }
}
