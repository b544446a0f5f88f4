import Fluent
import Foundation

/// Bearer tokens: created by their owner, shown once, revoked at will.
enum APITokenStore {
    /// Returns the stored token and its secret, which is never shown again.
    static func create(for user: User, name rawName: String, by actor: Actor, on db: any Database) async throws -> (APIToken, String) {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 80 else {
            throw AppError.invalid("name", "Tên mã truy cập là bắt buộc, tối đa 80 ký tự.")
        }
        let secret = SecretToken.generate()
        let token = APIToken(userID: user.requireID, name: name, tokenHash: SecretToken.hash(secret))
        try await db.transaction { tx in
            try await token.create(on: tx)
            try await AuditLog.record("token.create", entityType: "api_token", entityKey: "\(user.username)/\(name)",
                                      unitID: user.unitID, before: nil, after: ["name": name], by: actor, on: tx)
        }
        return (token, secret)
    }

    static func revoke(id: Int, of user: User, by actor: Actor, on db: any Database) async throws {
        try await db.transaction { tx in
            guard let token = try await APIToken.query(on: tx).filter(\.$id == id).filter(\.$userID == user.requireID).first() else {
                throw AppError.notFound("Không tìm thấy mã truy cập \(id).")
            }
            guard token.revokedAt == nil else { return }
            token.revokedAt = Date()
            try await token.save(on: tx)
            try await AuditLog.record("token.revoke", entityType: "api_token", entityKey: "\(user.username)/\(token.name)",
                                      unitID: user.unitID, before: nil, after: nil, by: actor, on: tx)
        }
    }

    static func list(for user: User, on db: any Database) async throws -> [APIToken] {
        try await APIToken.query(on: db).filter(\.$userID == user.requireID).sort(\.$id, .descending).all()
    }
}
