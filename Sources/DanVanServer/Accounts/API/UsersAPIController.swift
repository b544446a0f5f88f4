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
        try await UserStore.dto(try req.requireUser(), on: req.db)
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
        return try await UserStore.dto(target, on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let granter = try req.requireUser()
        let input = try req.content.decode(UserInput.self)
        try await req.authorizeManaging(unitCode: input.unitCode)
        let user = try await UserStore.create(input, grantedBy: granter.userRole, hasher: PasswordHashing(req.application),
                                              by: try req.actor, on: req.db)
        return try await UserStore.dto(user, on: req.db).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> UserDTO {
        let granter = try req.requireUser()
        let target = try await UserQueries.require(id: req.parameters.get("id") ?? "", on: req.db)
        try await req.authorizeManaging(unitID: target.unitID)
        let input = try req.content.decode(UserInput.self)
        try await req.authorizeManaging(unitCode: input.unitCode)
        let saved = try await UserStore.update(target, with: input, grantedBy: granter.userRole,
                                               hasher: PasswordHashing(req.application), by: try req.actor, on: req.db)
        return try await UserStore.dto(saved, on: req.db)
    }
}
