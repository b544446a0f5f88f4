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
        routes.post(SiteRoute.tokenRevoke(SiteRoute.anyID).pathComponents, use: revokeToken)
    }

    func show(req: Request) async throws -> Response {
        try await render(req)
    }

    func changePassword(req: Request) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        let session = req.cookies[SessionCookie.name].map { SecretToken.hash($0.string) }
        do {
            let outcome = try await PasswordChange.perform(current: form.currentPassword ?? "", new: form.newPassword ?? "",
                                                           keepingSession: session, hasher: PasswordHashing(req.application),
                                                           by: try req.actor, on: req.db)
            return try await render(req, message: outcome.message)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, errors: FormErrors(error), status: .unprocessableEntity)
        }
    }

    func createToken(req: Request) async throws -> Response {
        let form = try req.content.decode(TokenForm.self)
        do {
            let (_, secret) = try await TokenCreation.perform(name: form.name ?? "", by: try req.actor, on: req.db)
            return try await render(req, newSecret: secret)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, errors: FormErrors(error), status: .unprocessableEntity)
        }
    }

    func revokeToken(req: Request) async throws -> Response {
        let id = try req.routeID()
        try await TokenRevocation.perform(id: id, by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.account.path)
    }

    private func render(_ req: Request, newSecret: String? = nil, errors: FormErrors = .none, message: String? = nil,
                        status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let tokens = try await TokenCreation.list(for: user.requireID, on: req.db).map { token in
            TokenRow(id: token.id ?? 0, name: token.name, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt,
                     revoked: token.revokedAt != nil, revokeAction: SiteRoute.tokenRevoke(token.id ?? 0).path)
        }
        let page = AccountPage(username: user.username, fullName: user.fullName, roleLabel: user.userRole.label,
                               passwordAction: SiteRoute.accountPassword.path, tokensAction: SiteRoute.accountTokens.path,
                               tokens: tokens, newSecret: newSecret, errors: errors, message: message)
        return try await req.renderPage("account", title: "Cá nhân", page, status: status)
    }
}
