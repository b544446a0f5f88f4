import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Writes notices, inside the transaction of the event that causes them (a rolled-back action
/// notifies nobody), and the immediate mails with them. Each person's preference for the kind
/// decides whether the notice shows in the app, waits for the daily digest, or is mailed now.
enum NotificationWriter {
    struct Recipient: Sendable {
        let userID: Int
        let verifiedEmail: String?
        let timing: MailTiming
        let channels: NotificationChannels
    }

    private struct Row {
        let user_id: Int
        let kind: String
        let unit_id: Int
        let audience: String
        let title: String
        let detail: String
        let link: String
        let event_key: String
        let in_app: Bool
        let mail: String
        let created_at: Date
    }

    /// Stored mail states of a notice: none (the app only), waiting for the digest or to be
    /// mailed at once, and done (put in a digest, mailed).
    enum MailState: String {
        case none, digest, immediate, digested, mailed
    }

    static func notify(_ event: NotificationEvent, to recipients: NotificationRecipients, on db: any Database) async throws {
        let people = try await resolve(recipients, kind: event.kind, on: db)
        try await write([event], recipients: [event.key: people], on: db)
        try await mailPendingImmediate(on: db)
    }

    /// Several events at once, each with its own recipients; the caller queues the mails to send
    /// at once (`mailPendingImmediate`) when it has written all its notices.
    static func write(_ events: [NotificationEvent], recipients: [String: [Recipient]], on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        let now = Date()
        var rows: [Row] = []
        for event in events {
            for person in recipients[event.key] ?? [] where !person.channels.isOff {
                let mail = mailState(for: person)
                rows.append(Row(user_id: person.userID, kind: event.kind.rawValue, unit_id: event.unitID,
                                audience: event.kind.audience.rawValue, title: event.text.title, detail: event.text.detail,
                                link: event.link, event_key: event.key, in_app: person.channels.inApp, mail: mail.rawValue,
                                created_at: now))
            }
        }
        guard !rows.isEmpty else { return }
        for chunk in stride(from: 0, to: rows.count, by: rowsPerStatement).map({ Array(rows[$0..<min($0 + rowsPerStatement, rows.count)]) }) {
            try await insert(chunk, on: sql).run()
        }
    }

    /// The one rule of how a notice goes by mail, here for rows made in Swift and below for rows
    /// a query makes (`ReportDeadlineNotices`): by mail only to a verified address the person
    /// wants this kind by; at once or in the digest as the person chose.
    static func mailState(for person: Recipient) -> MailState {
        guard person.channels.email, person.verifiedEmail != nil else { return .none }
        return person.timing == .immediate ? .immediate : .digest
    }

    /// `mailState` over a person `s` (users) and their preference `p` for the kind.
    static let mailStateSQL: SQLQueryString = """
        CASE WHEN COALESCE(p.email, \(bind: true)) = \(bind: true) AND s.email_verified_at IS NOT NULL
             THEN CASE WHEN s.mail_timing = 'immediate' THEN 'immediate' ELSE 'digest' END
             ELSE 'none' END
        """

    /// A person `s` with preference `p` is reached at all: not both channels turned off (`channels.isOff`).
    static let reachedSQL: SQLQueryString = "(COALESCE(p.in_app, \(bind: true)) = \(bind: true) OR COALESCE(p.email, \(bind: true)) = \(bind: true))"

    /// 11 values a row: under SQLite's 32,766 and PostgreSQL's 65,535 bound values a statement.
    private static let rowsPerStatement = 900

    /// Bound values row by row (a night's thousands of notices cost no encoder reflection); a
    /// repeat of a key already stored for a person is skipped.
    private static func insert(_ rows: [Row], on sql: any SQLDatabase) -> SQLInsertBuilder {
        let builder = sql.insert(into: "notifications")
            .columns("user_id", "kind", "unit_id", "audience", "title", "detail", "link", "event_key", "in_app", "mail", "created_at")
        for row in rows {
            builder.values([SQLBind(row.user_id), SQLBind(row.kind), SQLBind(row.unit_id), SQLBind(row.audience), SQLBind(row.title),
                            SQLBind(row.detail), SQLBind(row.link), SQLBind(row.event_key), SQLBind(row.in_app), SQLBind(row.mail),
                            SQLBind(row.created_at)])
        }
        return builder.ignoringConflicts(with: ["user_id", "event_key"])
    }

    /// Queues a mail for every notice waiting to be mailed at once, and marks it mailed; in the
    /// caller's transaction, so the mail exists exactly when the notice does.
    static func mailPendingImmediate(on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT n.id, n.user_id, n.title, n.detail, n.link, n.mail, n.kind, u.email, u.email_verified_at
            FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.mail = 'immediate'
            """).all()
        guard !rows.isEmpty else { return }
        var mails: [OutgoingMail] = []
        for row in rows where !(try row.decodeNil(column: "email_verified_at")) {
            if let address = try row.decode(column: "email", as: String?.self) {
                mails.append(MailComposer.notice(try StoredNotice(row), to: address))
            }
        }
        try await MailOutbox.enqueue(mails, on: sql)
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        for start in stride(from: 0, to: ids.count, by: 500) {
            try await sql.raw("""
                UPDATE notifications SET mail = 'mailed' WHERE id IN (\(binds: Array(ids[start..<min(start + 500, ids.count)])))
                """).run()
        }
    }

    /// The people an event reaches, with their preference for its kind. Inactive accounts and
    /// viewers hear nothing.
    static func resolve(_ recipients: NotificationRecipients, kind: NotificationKind, on db: any Database) async throws -> [Recipient] {
        let sql = try UnitClosure.sqlDatabase(db)
        let condition: SQLQueryString
        switch recipients {
        case .unitStaff(let unitID):
            condition = "u.unit_id = \(bind: unitID) AND u.role IN ('manager', 'reporter')"
        case .staffOf(let unitIDs):
            guard !unitIDs.isEmpty else { return [] }
            condition = "u.unit_id IN (\(binds: unitIDs)) AND u.role IN ('manager', 'reporter')"
        case .managersOf(let unitIDs):
            guard !unitIDs.isEmpty else { return [] }
            condition = "u.unit_id IN (\(binds: unitIDs)) AND u.role = 'manager'"
        case .approversAbove(let unitID):
            condition = """
                u.role = 'manager' AND u.unit_id = (
                  SELECT c.ancestor_id FROM unit_closure c
                  WHERE c.descendant_id = \(bind: unitID) AND c.depth > 0
                    AND EXISTS (SELECT 1 FROM users m WHERE m.unit_id = c.ancestor_id AND m.role = 'manager' AND m.active = \(bind: true))
                  ORDER BY c.depth LIMIT 1)
                """
        }
        let rows = try await sql.raw("""
            SELECT u.id, u.email, u.email_verified_at, u.mail_timing, p.in_app, p.email AS pref_email
            FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = \(bind: kind.rawValue)
            WHERE u.active = \(bind: true) AND \(condition)
            """).all()
        return try rows.map(recipient)
    }

    /// Read with as few decodes as the row allows: most people have no preference and no address.
    static func recipient(_ row: any SQLRow) throws -> Recipient {
        let channels = try row.decodeNil(column: "in_app") ? NotificationChannels.standard
            : NotificationChannels(inApp: try row.decode(column: "in_app", as: Bool.self),
                                   email: try row.decode(column: "pref_email", as: Bool?.self) ?? true)
        let verified = try row.decodeNil(column: "email_verified_at") ? nil : try row.decode(column: "email", as: String?.self)
        let timing = try row.decodeNil(column: "mail_timing") ? MailTiming.digest
            : MailTiming(rawValue: try row.decode(column: "mail_timing", as: String.self)) ?? .digest
        return Recipient(userID: try row.decode(column: "id", as: Int.self), verifiedEmail: verified, timing: timing, channels: channels)
    }
}

/// A notice as stored, as much as a mail needs of it.
struct StoredNotice: Sendable {
    let id: Int
    let userID: Int
    let title: String
    let detail: String
    let link: String
    let mail: String
    let kind: String

    init(_ row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        userID = try row.decode(column: "user_id", as: Int.self)
        title = try row.decode(column: "title", as: String.self)
        detail = try row.decode(column: "detail", as: String.self)
        link = try row.decode(column: "link", as: String.self)
        mail = try row.decode(column: "mail", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
    }
}
