import DanVanCore
import Fluent
import Vapor

/// /api/users and /api/me.
struct UsersAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("me", use: me)
        let users = api.grouped("users")
        users.get(use: list)
        users.post(use: create)
        users.get(":id", use: show)
        users.put(":id", use: update)
    }

    func me(req: Request) async throws -> UserDTO {
        try await AccountRules.dto(try req.requireUser(), on: req.db)
    }

    func list(req: Request) async throws -> [UserDTO] {
        try await req.authorizeOwnUnit(.viewUsers)
        let user = try req.requireUser()
        let users = try await UserQueries.list(within: Authorizer.visibleRoots(of: user), on: req.db)
        let codes = try await UnitQueries.codes(for: users.compactMap(\.unitID), on: req.db)
        return users.map { UserDTO($0, unitCode: $0.unitID.flatMap { codes[$0] }) }
    }

    func show(req: Request) async throws -> UserDTO {
        let target = try await UserQueries.require(id: req.parameters.get("id") ?? "", on: req.db)
        try await req.authorizeManaging(unitID: target.unitID)
        return try await AccountRules.dto(target, on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(UserInput.self)
        let user = try await AccountCreation.perform(input, hasher: PasswordHashing(req.application), by: try req.actor, on: req.db)
        return try await AccountRules.dto(user, on: req.db).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> UserDTO {
        let target = try await UserQueries.require(id: req.parameters.get("id") ?? "", on: req.db)
        let input = try req.content.decode(UserInput.self)
        let saved = try await AccountEditing.perform(userID: target.requireID, with: input, hasher: PasswordHashing(req.application),
                                                     by: try req.actor, on: req.db)
        return try await AccountRules.dto(saved, on: req.db)
    }
}
