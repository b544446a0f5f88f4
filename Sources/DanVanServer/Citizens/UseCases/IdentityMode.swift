import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Whether this installation may keep denouncers' identities at all. By default it does not:
/// a denunciation records only where the identity is kept on paper ("sổ mật") and its number.
/// An administrator may turn sealed storage on, citing the province's decision, once a key is
/// configured; turning it off again stops new identities, sealed ones stay sealed.
enum IdentityMode {
    enum Mode: Equatable, Sendable {
        case register
        case sealed(decision: String)

        var sealsIdentities: Bool { self != .register }
    }

    static let settingKey = "identity_mode"

    private struct Row: Decodable {
        let value: String
        let decision: String
    }

    static func current(on db: any Database) async throws -> Mode {
        let row = try await UnitClosure.sqlDatabase(db).select().columns("value", "decision").from("installation_settings")
            .where("key", .equal, settingKey).first(decoding: Row.self)
        guard let row, row.value == "sealed" else { return .register }
        return .sealed(decision: row.decision)
    }

    static func set(sealed: Bool, decision: String, key: IdentityKey?, by actor: Actor, on db: any Database) async throws -> Mode {
        try Authorizer.requireAdmin(actor)
        let cleaned = try FreeText.clean(decision, field: "decision", label: "Quyết định của tỉnh cho phép lưu danh tính", limit: FreeText.Limit.line,
                                         required: sealed).orInvalid()
        if sealed, key == nil {
            throw AppError(.unprocessableEntity, "Chưa cấu hình khóa mã hóa (DANVAN_IDENTITY_KEY_FILE hoặc DANVAN_IDENTITY_KEY); không bật được chế độ lưu danh tính.",
                           field: "mode")
        }
        return try await db.writeTransaction { tx in
            let before = try await current(on: tx)
            let sql = try UnitClosure.sqlDatabase(tx)
            try await sql.delete(from: "installation_settings").where("key", .equal, settingKey).run()
            try await sql.insert(into: "installation_settings").columns("key", "value", "decision", "changed_by", "changed_at")
                .values(SQLBind(settingKey), SQLBind(sealed ? "sealed" : "register"), SQLBind(cleaned), SQLBind(actor.name), SQLBind(Date())).run()
            try await AuditLog.record("identity.mode", entityType: "installation", entityKey: settingKey, unitID: nil,
                                      before: ["mode": before.sealsIdentities ? "sealed" : "register"],
                                      after: ["mode": sealed ? "sealed" : "register", "decision": cleaned], by: actor, on: tx)
            return sealed ? .sealed(decision: cleaned) : .register
        }
    }
}
