import Fluent
import Vapor

/// Signs in the browser whose session cookie is known and unexpired. A cookie that names a
/// session no longer valid is remembered, so the login page can say the session expired.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = req.cookies[SessionCookie.name]?.string, !token.isEmpty else {
            return try await next.respond(to: req)
        }
        let session = try await UserSession.query(on: req.db).filter(\.$tokenHash == SecretToken.hash(token)).first()
        if let session, session.expiresAt > Date(), let user = try await User.find(session.userID, on: req.db), user.active {
            req.auth.login(user)
            return try await next.respond(to: req)
        }
        if let session {
            try await session.delete(on: req.db)
        }
        req.storage[SessionExpiredKey.self] = true
        let response = try await next.respond(to: req)
        response.cookies[SessionCookie.name] = SessionCookie.expired
        return response
    }
}

enum SessionExpiredKey: StorageKey {
    typealias Value = Bool
}
