import Vapor

/// Double-submit CSRF protection: every page carries a random token in a cookie and in its
/// forms; a state-changing request must send both, equal. Requests signed with an API bearer
/// token carry no cookies a third-party site could ride on, so they need none.
struct CSRFProtection: AsyncMiddleware {
    static let cookieName = "danvan_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let existing = req.cookies[Self.cookieName].map(\.string).flatMap { $0.isEmpty ? nil : $0 }
        let token = existing ?? SecretToken.generate()
        req.storage[CSRFTokenKey.self] = token
        if Self.needsCheck(req) {
            if req.body.data == nil {
                _ = try await req.body.collect(max: BodyLimit.of(req)).get()
            }
            let sent = req.headers.first(name: Self.headerName) ?? (try? req.content.get(String.self, at: Self.fieldName))
            guard let existing, let sent, Self.constantTimeEqual(sent, existing) else {
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
