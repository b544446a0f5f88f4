import Vapor

/// /api/tokens: a user's own bearer tokens.
struct TokensAPIController {
    struct TokenDTO: Content {
        let id: Int
        let name: String
        let createdAt: Date?
        let lastUsedAt: Date?
        let revoked: Bool
        /// Present only in the answer that creates the token.
        let token: String?

        init(_ token: APIToken, secret: String? = nil) {
            id = token.id ?? 0
            name = token.name
            createdAt = token.createdAt
            lastUsedAt = token.lastUsedAt
            revoked = token.revokedAt != nil
            self.token = secret
        }
    }

    struct CreateInput: Content {
        var name: String?
    }

    func register(_ api: any RoutesBuilder) {
        let tokens = api.grouped("tokens")
        tokens.get(use: list)
        tokens.post(use: create)
        tokens.delete(":id", use: revoke)
    }

    func list(req: Request) async throws -> [TokenDTO] {
        try await TokenCreation.list(for: try req.requireUser().requireID, on: req.db).map { TokenDTO($0) }
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(CreateInput.self)
        let (token, secret) = try await TokenCreation.perform(name: input.name ?? "", by: try req.actor, on: req.db)
        return try await TokenDTO(token, secret: secret).encodeResponse(status: .created, for: req)
    }

    func revoke(req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("id").flatMap(Int.init) else { throw AppError.notFound("Không tìm thấy mã truy cập.") }
        try await TokenRevocation.perform(id: id, by: try req.actor, on: req.db)
        return .noContent
    }
}
