import DanVanCore
import Fluent
import Vapor

/// The signed-in user's own page: password and API tokens.
struct AccountPagesController {
    struct TokenRow: Encodable {
        let id: Int
        let name: String
        let createdAt: Date?
        let lastUsedAt: Date?
        let revoked: Bool
        let revokeAction: String
    }

    struct AccountPage: Encodable {
        let username: String
        let fullName: String
        let roleLabel: String
        let passwordAction: String
        let tokensAction: String
        let tokens: [TokenRow]
        let newSecret: String?
        let errors: FormErrors
        let message: String?
    }

    struct PasswordForm: Content {
        var currentPassword: String?
        var newPassword: String?
    }

    struct TokenForm: Content {
        var name: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.account.pathComponents, use: show)
        routes.post(SiteRoute.accountPassword.pathComponents, use: changePassword)
        routes.post(SiteRoute.accountTokens.pathComponents, use: createToken)
        routes.post(SiteRoute.tokenRevoke(SiteRoute.param).pathComponents, use: revokeToken)
    }

    func show(req: Request) async throws -> Response {
        try await render(req)
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(PasswordForm.self)
        let hashing = PasswordHashing(req.application)
        guard try await hashing.verify(form.currentPassword ?? "", hash: user.passwordHash) else {
            let errors = FormErrors(summary: "Mật khẩu hiện tại không đúng.", byField: ["currentPassword": "Mật khẩu hiện tại không đúng."])
            return try await render(req, errors: errors, status: .unprocessableEntity)
        }
        if let issue = AccountValidation.passwordIssue(form.newPassword ?? "") {
            let errors = FormErrors(summary: issue.message, byField: ["newPassword": issue.message])
            return try await render(req, errors: errors, status: .unprocessableEntity)
        }
        let hash = try await hashing.hash(form.newPassword ?? "")
        try await req.db.transaction { tx in
            user.passwordHash = hash
            user.version += 1
            try await user.save(on: tx)
            // Other browsers signed in with the old password are signed out; this one stays.
            let current = req.cookies[SessionCookie.name].map { SecretToken.hash($0.string) } ?? ""
            try await UserSession.query(on: tx).filter(\.$userID == user.requireID).filter(\.$tokenHash != current).delete()
            try await AuditLog.record("user.password", entityType: "user", entityKey: user.username, unitID: user.unitID,
                                      before: nil, after: nil, by: try req.actor, on: tx)
        }
        return try await render(req, message: "Đã đổi mật khẩu.")
    }

    func createToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(TokenForm.self)
        do {
            let (_, secret) = try await APITokenStore.create(for: user, name: form.name ?? "", by: try req.actor, on: req.db)
            return try await render(req, newSecret: secret)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, errors: FormErrors(error), status: .unprocessableEntity)
        }
    }

    func revokeToken(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = Int(try req.routeParameter()) else { throw AppError.notFound("Không tìm thấy mã truy cập.") }
        try await APITokenStore.revoke(id: id, of: user, by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.account.path)
    }

    private func render(_ req: Request, newSecret: String? = nil, errors: FormErrors = .none, message: String? = nil,
                        status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let tokens = try await APITokenStore.list(for: user, on: req.db).map { token in
            TokenRow(id: token.id ?? 0, name: token.name, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt,
                     revoked: token.revokedAt != nil, revokeAction: SiteRoute.tokenRevoke(String(token.id ?? 0)).path)
        }
        let page = AccountPage(username: user.username, fullName: user.fullName, roleLabel: user.userRole.label,
                               passwordAction: SiteRoute.accountPassword.path, tokensAction: SiteRoute.accountTokens.path,
                               tokens: tokens, newSecret: newSecret, errors: errors, message: message)
        return try await req.renderPage("account", title: "Cá nhân", page, status: status)
    }
}
