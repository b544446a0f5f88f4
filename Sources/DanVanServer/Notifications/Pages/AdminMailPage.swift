import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The administrator's view of the outbox: how many mails stand how, the relay in use, the
/// latest error (a relay refusing the login says so here), and failed mails to send again.
struct AdminMailPage: Encodable {
    struct Count: Encodable { let label: String; let count: Int }
    struct Line: Encodable {
        let id: Int
        let to: String
        let subject: String
        let stateLabel: String
        let attempts: Int
        let error: String?
        let retryAction: String?
    }

    let relay: String
    let relayConfigured: Bool
    let counts: [Count]
    let latestError: String?
    let lines: [Line]

    static func query(settings: Settings, on db: any Database) async throws -> AdminMailPage {
        let sql = try UnitClosure.sqlDatabase(db)
        let byState = try await countsByState(on: db)
        let rows = try await sql.raw("""
            SELECT id, to_address, subject, state, attempts, last_error FROM mail_outbox
            WHERE state <> 'sent' ORDER BY id DESC LIMIT 100
            """).all()
        let lines = try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let state = MailOutbox.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .queued
            return Line(id: id, to: try row.decode(column: "to_address", as: String.self), subject: try row.decode(column: "subject", as: String.self),
                        stateLabel: state.label, attempts: try row.decode(column: "attempts", as: Int.self),
                        error: try row.decode(column: "last_error", as: String?.self),
                        retryAction: state == .failed ? SiteRoute.adminMailRetry(id).path : nil)
        }
        let relay = settings.smtpURL.map(SMTPSettings.redacted)
        return AdminMailPage(relay: relay ?? "Chưa đặt DANVAN_SMTP_URL: thư được giữ trong hàng chờ, chưa gửi đi.",
                             relayConfigured: relay != nil,
                             counts: MailOutbox.State.allCases.map { Count(label: $0.label, count: byState[$0.rawValue] ?? 0) },
                             latestError: lines.first(where: { $0.error != nil })?.error, lines: lines)
    }

    static func countsByState(on db: any Database) async throws -> [String: Int] {
        var byState: [String: Int] = [:]
        for row in try await UnitClosure.sqlDatabase(db).raw("SELECT state, COUNT(*) AS n FROM mail_outbox GROUP BY state").all() {
            byState[try row.decode(column: "state", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return byState
    }
}
