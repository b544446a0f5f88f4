import Fluent
import Vapor

/// The browser session: a random cookie whose hash names a row of `user_sessions`.
enum SessionCookie {
    static let name = "danvan_session"

    static func start(for user: User, on req: Request) async throws -> HTTPCookies.Value {
        let token = SecretToken.generate()
        let expires = Date().addingTimeInterval(TimeInterval(req.application.settings.sessionHours * 3600))
        try await UserSession(tokenHash: SecretToken.hash(token), userID: user.requireID, expiresAt: expires).create(on: req.db)
        return cookie(token, expires: expires, settings: req.application.settings)
    }

    static func end(on req: Request) async throws {
        guard let token = req.cookies[name]?.string else { return }
        try await UserSession.query(on: req.db).filter(\.$tokenHash == SecretToken.hash(token)).delete()
    }

    static func cookie(_ value: String, expires: Date?, settings: Settings) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: expires, maxAge: nil, path: "/", isSecure: settings.secureCookies,
                          isHTTPOnly: true, sameSite: .lax)
    }

    static var expired: HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/", isHTTPOnly: true, sameSite: .lax)
    }
}
