import DanVanCore
import Fluent
import SQLKit

/// A person chooses, per kind of notice, the app and/or e-mail, and how mail is timed.
enum PreferenceSaving {
    struct Choice: Sendable {
        let kind: String
        let inApp: Bool
        let email: Bool
    }

    static func save(_ choices: [Choice], timing rawTiming: String, for userID: Int, by actor: Actor, on db: any Database) async throws {
        guard actor.userID == userID else { throw AppError.forbidden }
        guard let timing = MailTiming(rawValue: rawTiming) else {
            throw AppError.invalid("timing", "Cách gửi thư \"\(FreeText.printable(rawTiming))\" không có; chọn gộp mỗi ngày hoặc gửi ngay.")
        }
        var issues: [ValidationIssue] = []
        var kinds: [(NotificationKind, NotificationChannels)] = []
        for choice in choices {
            switch NotificationKind.parse(choice.kind, field: "kind") {
            case .success(let kind): kinds.append((kind, NotificationChannels(inApp: choice.inApp, email: choice.email)))
            case .failure(let issue): issues.append(issue)
            }
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        let chosen = kinds
        try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            guard let user = try await User.find(userID, on: tx) else { throw AppError.notFound("Không tìm thấy tài khoản.") }
            user.mailTiming = timing.rawValue
            try await user.save(on: tx)
            try await sql.delete(from: "notification_preferences").where("user_id", .equal, userID).run()
            for (kind, channels) in chosen where channels != .standard {
                try await sql.insert(into: "notification_preferences").columns("user_id", "kind", "in_app", "email")
                    .values(SQLBind(userID), SQLBind(kind.rawValue), SQLBind(channels.inApp), SQLBind(channels.email)).run()
            }
            try await AuditLog.record("user.notification_preferences", entityType: "user", entityKey: user.username, unitID: user.unitID,
                                      before: nil, after: ["timing": timing.rawValue,
                                                           "off": chosen.filter { $0.1.isOff }.map(\.0.rawValue).joined(separator: ",")],
                                      by: actor, on: tx)
        }
    }

    static func current(for userID: Int, on db: any Database) async throws -> [NotificationKind: NotificationChannels] {
        let rows = try await UnitClosure.sqlDatabase(db).select().columns("kind", "in_app", "email").from("notification_preferences")
            .where("user_id", .equal, userID).all()
        var map: [NotificationKind: NotificationChannels] = [:]
        for row in rows {
            guard let kind = NotificationKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            map[kind] = NotificationChannels(inApp: try row.decode(column: "in_app", as: Bool.self), email: try row.decode(column: "email", as: Bool.self))
        }
        return map
    }
}
