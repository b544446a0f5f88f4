import Vapor

/// Signing in and out.
struct AuthPagesController {
    struct LoginPage: Encodable {
        let action: String
        let username: String
        let next: String
        let message: String?
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.login.pathComponents, use: form)
        routes.post(SiteRoute.login.pathComponents, use: login)
        routes.post(SiteRoute.logout.pathComponents, use: logout)
    }

    func form(req: Request) async throws -> Response {
        let expired = req.query[String.self, at: "expired"] == "1" || req.storage[SessionExpiredKey.self] == true
        let page = LoginPage(action: SiteRoute.login.path, username: "", next: Self.safeNext(req.query[String.self, at: "next"]),
                             message: expired ? "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại." : nil)
        return try await req.renderPage("login", title: "Đăng nhập", page)
    }

    func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let next = Self.safeNext(form.next)
        do {
            let user = try await SignIn.perform(username: form.username ?? "", password: form.password ?? "", address: req.clientAddress,
                                                hasher: PasswordHashing(req.application), on: req.db)
            let response = req.redirect(to: next)
            response.cookies[SessionCookie.name] = try await SessionCookie.start(for: user, on: req)
            return response
        } catch let error as AppError {
            let page = LoginPage(action: SiteRoute.login.path, username: form.username ?? "", next: next, message: error.reason)
            return try await req.renderPage("login", title: "Đăng nhập", page, status: error.status)
        }
    }

    func logout(req: Request) async throws -> Response {
        try await SessionCookie.end(on: req)
        let response = req.redirect(to: SiteRoute.login.path)
        response.cookies[SessionCookie.name] = SessionCookie.expired
        return response
    }

    /// Only a path on this site, so the login form cannot be used to send users elsewhere:
    /// no scheme, no host, no backslash, no whitespace or control characters (a browser drops a
    /// tab and reads "/\t/evil.example" as "//evil.example").
    static func safeNext(_ next: String?) -> String {
        let home = SiteRoute.home.path
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.count <= 2_000,
              next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" }),
              let components = URLComponents(string: next), components.scheme == nil, components.host == nil,
              components.path.hasPrefix("/"), !components.path.hasPrefix("//") else { return home }
        return next
    }
}
