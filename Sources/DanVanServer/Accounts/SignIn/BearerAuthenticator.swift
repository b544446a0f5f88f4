import Fluent
import Vapor

/// Signs in API callers that present a live token: `Authorization: Bearer <token>`.
struct BearerAuthenticator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = req.headers.bearerAuthorization else {
            return try await next.respond(to: req)
        }
        let token = try await APIToken.query(on: req.db)
            .filter(\.$tokenHash == SecretToken.hash(bearer.token))
            .filter(\.$revokedAt == nil)
            .first()
        guard let token, let user = try await User.find(token.userID, on: req.db), user.active else {
            throw AppError(.unauthorized, "Mã truy cập API không hợp lệ hoặc đã bị thu hồi.")
        }
        token.lastUsedAt = Date()
        try await token.save(on: req.db)
        req.auth.login(user)
        req.storage[BearerAuthenticatedKey.self] = true
        return try await next.respond(to: req)
    }
}

enum BearerAuthenticatedKey: StorageKey {
    typealias Value = Bool
}
