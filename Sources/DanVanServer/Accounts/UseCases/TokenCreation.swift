import DanVanCore
import Fluent
import Foundation

/// A signed-in user creates a bearer token for the API, shown once. A token cannot create
/// tokens: otherwise a stolen one would outlive its revocation through the ones it made.
enum TokenCreation {
    static let nameLimit = 80

    /// Returns the stored token and its secret, which is never shown again.
    static func perform(name rawName: String, by actor: Actor, on db: any Database) async throws -> (APIToken, String) {
        guard actor.credential != .apiToken else {
            throw AppError(.forbidden, "Không dùng mã truy cập API để tạo mã khác; hãy đăng nhập và tạo trên trang Cá nhân.")
        }
        guard let userID = actor.userID else { throw AppError.unauthenticated }
        let name = try FreeText.clean(rawName, field: "name", label: "Tên mã truy cập", limit: nameLimit, required: true).orInvalid()
        let secret = SecretToken.generate()
        let token = APIToken(userID: userID, name: name, tokenHash: SecretToken.hash(secret))
        try await db.writeTransaction { tx in
            try await token.create(on: tx)
            try await AuditLog.record("token.create", entityType: "api_token", entityKey: "\(actor.name)/\(name)",
                                      unitID: actor.unitID, before: nil, after: ["name": name], by: actor, on: tx)
        }
        return (token, secret)
    }

    static func list(for userID: Int, on db: any Database) async throws -> [APIToken] {
        try await APIToken.query(on: db).filter(\.$userID == userID).sort(\.$id, .descending).all()
    }
}
