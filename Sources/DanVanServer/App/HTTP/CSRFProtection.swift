import Vapor

/// CSRF protection. A signed-in browser's forms carry a token derived from its session (SHA-256
/// of the session secret and a label): it is bound to that session, changes with it, and cannot
/// be planted from outside. Before sign-in (the login form) a random token in a cookie and in the
/// form must match (double submit). Requests signed with an API bearer token carry no cookies a
/// third-party site could ride on, so they need none.
struct CSRFProtection: AsyncMiddleware {
    static let cookieName = "danvan_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = req.cookies[Self.cookieName].map(\.string).flatMap { $0.isEmpty ? nil : $0 }
        let session = req.cookies[SessionCookie.name].map(\.string).flatMap { $0.isEmpty ? nil : $0 }
        let token = session.map(Self.token(forSession:)) ?? existing ?? SecretToken.generate()
        req.storage[CSRFTokenKey.self] = token
        if Self.needsCheck(req) {
            if req.body.data == nil {
                _ = try await req.body.collect(max: BodyLimit.of(req)).get()
            }
            let sent = req.headers.first(name: Self.headerName) ?? (try? req.content.get(String.self, at: Self.fieldName))
            let expected = session.map(Self.token(forSession:)) ?? existing
            guard let expected, let sent, Self.constantTimeEqual(sent, expected) else {
                throw AppError(.forbidden, "Phiên biểu mẫu không hợp lệ hoặc đã hết hạn (thiếu mã CSRF). "
                               + "Hãy tải lại trang và gửi lại.", field: Self.fieldName)
            }
        }
        let response = try await next.respond(to: req)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: req.application.settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    /// The token a session's forms carry.
    static func token(forSession secret: String) -> String {
        SecretToken.hash("csrf:" + secret)
    }

    private static func needsCheck(_ req: Request) -> Bool {
        guard ![.GET, .HEAD, .OPTIONS].contains(req.method) else { return false }
        return req.headers.bearerAuthorization == nil
    }

    private static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

enum CSRFTokenKey: StorageKey {
    typealias Value = String
}

extension Request {
    var csrfToken: String { storage[CSRFTokenKey.self] ?? "" }
}
