import DanVanCore
import Foundation
import SQLKit

/// The outbox table: mails are queued in their cause's transaction, claimed by the one runner
/// that holds the lease, and marked sent, retried later, or failed.
enum MailOutbox {
    enum State: String, CaseIterable {
        case queued, sending, sent, failed

        var label: String {
            switch self {
            case .queued: "Chờ gửi"
            case .sending: "Đang gửi"
            case .sent: "Đã gửi"
            case .failed: "Gửi không được"
            }
        }
    }

    private struct Row: Encodable {
        let user_id: Int?
        let to_address: String
        let subject: String
        let text_body: String
        let html_body: String
        let cause_key: String
        let state: String
        let attempts: Int
        let next_attempt_at: Double
        let created_at: Date
    }

    struct Claimed: Sendable {
        let id: Int
        let to: String
        let subject: String
        let text: String
        let html: String
        let attempts: Int
    }

    /// Queues the mails; a cause already queued is skipped.
    static func enqueue(_ mails: [OutgoingMail], on sql: any SQLDatabase, now: Date = Date()) async throws {
        let rows = mails.map { mail in
            Row(user_id: mail.userID, to_address: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html,
                cause_key: mail.causeKey, state: State.queued.rawValue, attempts: 0, next_attempt_at: now.timeIntervalSince1970,
                created_at: now)
        }
        for start in stride(from: 0, to: rows.count, by: 100) {
            try await sql.insert(into: "mail_outbox").models(Array(rows[start..<min(start + 100, rows.count)]), with: SQLRows.encoder)
                .ignoringConflicts(with: ["cause_key"]).run()
        }
    }

    /// Claims up to `limit` mails that are due (or whose claim ran out: a runner stopped
    /// mid-send) in one conditional update, so two runners never take the same mail.
    static func claim(limit: Int, now: Date, claimSeconds: Double = 300, on sql: any SQLDatabase) async throws -> [Claimed] {
        let at = now.timeIntervalSince1970
        let due: SQLQueryString = "(state = 'queued' AND next_attempt_at <= \(bind: at)) OR (state = 'sending' AND claimed_until < \(bind: at))"
        let rows = try await sql.raw("""
            UPDATE mail_outbox SET state = 'sending', claimed_until = \(bind: at + claimSeconds)
            WHERE id IN (SELECT id FROM mail_outbox WHERE \(due) ORDER BY next_attempt_at, id LIMIT \(literal: limit)) AND (\(due))
            RETURNING id, to_address, subject, text_body, html_body, attempts
            """).all()
        return try rows.map { row in
            Claimed(id: try row.decode(column: "id", as: Int.self), to: try row.decode(column: "to_address", as: String.self),
                    subject: try row.decode(column: "subject", as: String.self), text: try row.decode(column: "text_body", as: String.self),
                    html: try row.decode(column: "html_body", as: String.self), attempts: try row.decode(column: "attempts", as: Int.self))
        }.sorted { $0.id < $1.id }
    }

    static func markSent(_ id: Int, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE mail_outbox SET state = 'sent', sent_at = \(bind: now), attempts = attempts + 1, last_error = NULL, claimed_until = NULL
            WHERE id = \(bind: id)
            """).run()
    }

    /// A failed try: back to the queue with a later time, or failed for good after the last try
    /// or when the relay refused this mail for good (`givingUp`).
    static func markFailed(_ mail: Claimed, error: String, givingUp: Bool, now: Date, on sql: any SQLDatabase) async throws {
        let attempts = mail.attempts + 1
        let state: State = givingUp || MailRetry.givesUp(afterAttempts: attempts) ? .failed : .queued
        try await sql.raw("""
            UPDATE mail_outbox SET state = \(bind: state.rawValue), attempts = \(bind: attempts), last_error = \(bind: String(error.prefix(500))),
              next_attempt_at = \(bind: now.timeIntervalSince1970 + MailRetry.delay(afterAttempts: attempts)), claimed_until = NULL
            WHERE id = \(bind: mail.id)
            """).run()
    }

    /// Claimed mails not tried this round (the relay failed before them) go back to the queue as they were.
    static func release(_ ids: [Int], on sql: any SQLDatabase) async throws {
        guard !ids.isEmpty else { return }
        try await sql.raw("UPDATE mail_outbox SET state = 'queued', claimed_until = NULL WHERE state = 'sending' AND id IN (\(binds: ids))").run()
    }

    /// A failed mail the administrator asks to try again.
    static func requeue(_ id: Int, now: Date, on sql: any SQLDatabase) async throws -> Bool {
        !(try await sql.raw("""
            UPDATE mail_outbox SET state = 'queued', attempts = 0, next_attempt_at = \(bind: now.timeIntervalSince1970)
            WHERE id = \(bind: id) AND state = 'failed' RETURNING id
            """).all()).isEmpty
    }
}
