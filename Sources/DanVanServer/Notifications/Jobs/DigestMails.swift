import DanVanCore
import Fluent
import SQLKit

/// Once a day, one mail per person with the notices that waited for it (only those the person
/// may still see), queued and the notices marked in one transaction per person.
enum DigestMails {
    /// Notices a digest lists; it counts the rest and links to the inbox.
    static let listed = 200

    static func run(day: CivilDate, on db: any Database) async throws -> Int {
        let sql = try UnitClosure.sqlDatabase(db)
        let userIDs = try await sql.raw("""
            SELECT DISTINCT n.user_id FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.mail = 'digest' AND u.active = \(bind: true) AND u.email_verified_at IS NOT NULL
            """).all().map { try $0.decode(column: "user_id", as: Int.self) }
        var queued = 0
        for userID in userIDs {
            queued += try await db.writeTransaction { tx in
                guard let user = try await User.find(userID, on: tx), let address = user.verifiedEmail else { return 0 }
                let tsql = try UnitClosure.sqlDatabase(tx)
                let notices = try await tsql.raw("""
                    SELECT n.id, n.user_id, n.title, n.detail, n.link, n.mail, n.kind FROM notifications n
                    WHERE n.mail = 'digest' AND \(NotificationQueries.visible(to: user))
                    ORDER BY n.created_at, n.id LIMIT \(literal: listed + 1)
                    """).all().map(StoredNotice.init)
                let total = notices.count > listed ? try await tsql.raw("""
                    SELECT COUNT(*) AS n FROM notifications n WHERE n.mail = 'digest' AND \(NotificationQueries.visible(to: user))
                    """).first()?.decode(column: "n", as: Int.self) ?? notices.count : notices.count
                // Notices the person may no longer see are not mailed later either.
                try await tsql.raw("""
                    UPDATE notifications SET mail = 'digested' WHERE user_id = \(bind: userID) AND mail = 'digest'
                    """).run()
                guard !notices.isEmpty else { return 0 }
                try await MailOutbox.enqueue([MailComposer.digest(Array(notices.prefix(listed)), total: total, userID: userID, to: address, day: day)],
                                             on: tsql)
                return 1
            }
        }
        return queued
    }
}
