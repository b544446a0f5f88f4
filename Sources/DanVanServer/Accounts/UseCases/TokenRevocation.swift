import Fluent
import Foundation

/// A user revokes one of their own API tokens.
enum TokenRevocation {
    static func perform(id: Int, by actor: Actor, on db: any Database) async throws {
        guard let userID = actor.userID else { throw AppError.unauthenticated }
        try await db.writeTransaction { tx in
            guard let token = try await APIToken.query(on: tx).filter(\.$id == id).filter(\.$userID == userID).first() else {
                throw AppError.notFound("Không tìm thấy mã truy cập \(id).")
            }
            guard token.revokedAt == nil else { return }
            token.revokedAt = Date()
            try await token.save(on: tx)
            try await AuditLog.record("token.revoke", entityType: "api_token", entityKey: "\(actor.name)/\(token.name)",
                                      unitID: actor.unitID, before: nil, after: nil, by: actor, on: tx)
        }
    }
}
