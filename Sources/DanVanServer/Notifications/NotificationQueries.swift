import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A person's notices, as they may see them now: a notice about a unit the person's current
/// unit no longer stands over (or under, for a plan sent down) is hidden, not deleted.
enum NotificationQueries {
    struct Line: Encodable, Sendable {
        let id: Int
        let kind: String
        let kindLabel: String
        let title: String
        let detail: String
        let link: String
        let openHref: String
        let createdAt: Date
        let createdLabel: String
        let read: Bool
    }

    private static let timeFormat: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "vi_VN")
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = "HH:mm dd/MM/yyyy"
        return formatter
    }()

    /// The SQL condition a notice `n` must meet to be shown to `user`.
    static func visible(to user: User) -> SQLQueryString {
        if user.userRole == .admin { return "n.user_id = \(bind: user.requireID)" }
        guard let unit = user.unitID else { return "1 = 0" }
        return """
            n.user_id = \(bind: user.requireID) AND (
              (n.audience = 'recipientsOwnUnit' AND EXISTS (SELECT 1 FROM unit_closure v WHERE v.ancestor_id = \(bind: unit) AND v.descendant_id = n.unit_id))
              OR (n.audience = 'unitBelowRecipient' AND EXISTS (SELECT 1 FROM unit_closure v WHERE v.ancestor_id = \(bind: unit) AND v.descendant_id = n.unit_id AND v.depth > 0))
              OR (n.audience = 'unitAboveRecipient' AND EXISTS (SELECT 1 FROM unit_closure v WHERE v.ancestor_id = n.unit_id AND v.descendant_id = \(bind: unit) AND v.depth > 0)))
            """
    }

    static func inbox(for user: User, unreadOnly: Bool = false, limit: Int = 100, on db: any Database) async throws -> [Line] {
        let unread: SQLQueryString = unreadOnly ? "AND n.read_at IS NULL" : ""
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT n.id, n.kind, n.title, n.detail, n.link, n.created_at, n.read_at FROM notifications n
            WHERE n.in_app = \(bind: true) AND \(visible(to: user)) \(unread)
            ORDER BY n.created_at DESC, n.id DESC LIMIT \(literal: limit)
            """).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let kind = try row.decode(column: "kind", as: String.self)
            let created = try row.decode(column: "created_at", as: Date.self)
            return Line(id: id, kind: kind, kindLabel: NotificationKind(rawValue: kind)?.label ?? kind,
                        title: try row.decode(column: "title", as: String.self), detail: try row.decode(column: "detail", as: String.self),
                        link: try row.decode(column: "link", as: String.self), openHref: SiteRoute.notificationOpen(id).path,
                        createdAt: created, createdLabel: timeFormat.string(from: created), read: !(try row.decodeNil(column: "read_at")))
        }
    }

    /// Marks the notice read and gives the page it links to; 404 for another person's notice or
    /// one the person may no longer see.
    static func open(_ id: Int, for user: User, on db: any Database) async throws -> String {
        try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            guard let row = try await sql.raw("""
                SELECT n.link FROM notifications n WHERE n.id = \(bind: id) AND n.in_app = \(bind: true) AND \(visible(to: user))
                """).first() else { throw AppError.notFound("Không tìm thấy thông báo.") }
            try await sql.raw("UPDATE notifications SET read_at = \(bind: Date()) WHERE id = \(bind: id) AND read_at IS NULL").run()
            return try row.decode(column: "link", as: String.self)
        }
    }

    static func markAllRead(for user: User, on db: any Database) async throws -> Int {
        try await db.writeTransaction { tx in
            try await UnitClosure.sqlDatabase(tx).raw("""
                UPDATE notifications SET read_at = \(bind: Date())
                WHERE id IN (SELECT n.id FROM notifications n WHERE n.read_at IS NULL AND \(visible(to: user)))
                RETURNING id
                """).all().count
        }
    }
}
