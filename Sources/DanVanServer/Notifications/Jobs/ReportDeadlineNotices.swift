import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The notices of one reporting duty's period, written by one INSERT … SELECT: a night may owe
/// thousands of units a notice, and reading them out to write them back would cost twice. The
/// words are `NotificationText`'s, with the unit's name put in by the database where the text
/// names it; the rules are `NotificationWriter`'s (preferences, verified address, timing).
enum ReportDeadlineNotices {
    /// Stands for the unit's name in the wording until the database puts it in.
    private static let unitMarker = "\u{E000}"
    /// Stands for the unit's code in the link (codes hold only letters, digits and - _ ., as URLs do).
    private static let codeMarker = "~"

    static func insert(_ duty: DeadlineNotices.ReportDuty, now: Date, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        let text = NotificationText(duty.kind, [.unit(unitMarker), .period(duty.period.label), .date(duty.deadline)])
        let link = SiteRoute.report(codeMarker).path + "?period=" + duty.period.code
        let kind = duty.kind.rawValue
        try await sql.raw("""
            INSERT INTO notifications (user_id, kind, unit_id, audience, title, detail, link, event_key, in_app, mail, created_at)
            SELECT s.id, \(bind: kind), u.id, \(bind: duty.kind.audience.rawValue),
              \(filled(text.title, marker: unitMarker, with: "u.name")), \(filled(text.detail, marker: unitMarker, with: "u.name")),
              \(filled(link, marker: codeMarker, with: "u.code")),
              \(bind: kind + ":") || u.id || \(bind: ":" + duty.period.code),
              COALESCE(p.in_app, \(bind: true)), \(NotificationWriter.mailStateSQL), \(bind: now)
            FROM unit_closure d JOIN units u ON u.id = d.descendant_id
            JOIN users s ON s.unit_id = u.id AND s.active = \(bind: true) AND s.role IN ('manager', 'reporter')
            LEFT JOIN notification_preferences p ON p.user_id = s.id AND p.kind = \(bind: kind)
            LEFT JOIN reports r ON r.unit_id = u.id AND r.year = \(bind: duty.period.year) AND r.end_month = \(bind: duty.period.lastMonth)
            WHERE d.ancestor_id = \(bind: duty.scopeUnitID)
              AND (u.valid_from IS NULL OR u.valid_from <= \(bind: duty.period.lastDay.description))
              AND (u.valid_to IS NULL OR u.valid_to >= \(bind: duty.period.firstDay.description))
              AND (r.id IS NULL OR r.state IN ('draft', 'returned'))
              AND \(NotificationWriter.reachedSQL)
            ON CONFLICT (user_id, event_key) DO NOTHING
            """).run()
    }

    /// The text as SQL: its parts bound, the marker replaced by `column`.
    private static func filled(_ text: String, marker: String, with column: String) -> SQLQueryString {
        text.components(separatedBy: marker).map { "\(bind: $0)" as SQLQueryString }
            .joined(separator: " || \(column) || ")
    }
}
