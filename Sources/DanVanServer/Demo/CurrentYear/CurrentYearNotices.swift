import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The demo's notices and mail: the year's events have notified people as they were replayed;
/// all but the latest few of each person are marked read, as if read over the year. Today's
/// deadline notices are written. Two accounts have a verified address (one with the daily
/// digest, one with immediate mail), one an address still waiting for its verification, and
/// the day's digest is queued: with no relay set, the administrator's "Thư đi" shows them waiting.
enum CurrentYearNotices {
    static let unreadKept = 6

    static let addresses: [(username: String, email: String, verified: Bool, timing: MailTiming)] = [
        ("binhlu", "binhlu@danvan.example", true, .digest),
        ("binhlu.baocao", "baocao.binhlu@danvan.example", true, .immediate),
        ("chibo.natam", "natam@danvan.example", false, .digest),
    ]

    static func load(today: CivilDate, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        try await sql.raw("""
            UPDATE notifications SET read_at = created_at, mail = 'none'
            WHERE id NOT IN (
              SELECT n.id FROM notifications n
              WHERE (SELECT COUNT(*) FROM notifications m WHERE m.user_id = n.user_id AND m.id > n.id) < \(literal: unreadKept))
            """).run()
        for address in addresses {
            guard let user = try await User.query(on: db).filter(\.$username == address.username).first() else { continue }
            try await EmailVerification.setAddress(address.email, for: user.requireID, by: DemoLoader.actor, on: db)
            guard address.verified, let fresh = try await User.find(user.requireID, on: db) else { continue }
            fresh.emailVerifiedAt = Date()
            fresh.emailTokenHash = nil
            fresh.emailTokenExpiresAt = nil
            fresh.mailTiming = address.timing.rawValue
            try await fresh.save(on: db)
            if address.timing == .digest {
                try await sql.raw("UPDATE notifications SET mail = 'digest' WHERE user_id = \(bind: user.requireID) AND read_at IS NULL").run()
            }
            // The verification mail of a verified address went out long ago.
            try await sql.raw("""
                UPDATE mail_outbox SET state = 'sent', attempts = 1, sent_at = created_at
                WHERE user_id = \(bind: user.requireID) AND cause_key LIKE 'verify:%'
                """).run()
        }
        _ = try await DeadlineNotices.run(today: today, on: db)
        _ = try await DigestMails.run(day: today, on: db)
        // The demo lives on its pinned day: its notices are dated that morning, not when it was loaded.
        if let morning = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh"),
                                        year: today.year, month: today.month, day: today.day, hour: 7).date {
            try await sql.raw("UPDATE notifications SET created_at = \(bind: morning), read_at = CASE WHEN read_at IS NULL THEN NULL ELSE \(bind: morning) END").run()
        }
    }
}
