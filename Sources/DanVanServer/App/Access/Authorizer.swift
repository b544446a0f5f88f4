import DanVanCore
import Fluent
import Vapor

/// Anyone whose rights the access policy decides: a signed-in user or a use case's actor.
protocol AccessHolder {
    var accessRole: Role { get }
    var accessUnitID: Int? { get }
}

extension User: AccessHolder {
    var accessRole: Role { userRole }
    var accessUnitID: Int? { unitID }
}

/// Asks the access policy about a concrete unit: works out where the unit stands relative
/// to the holder's own unit (from the closure table) and refuses with 403 when the policy says no.
enum Authorizer {
    static func relation(of holder: some AccessHolder, to unitID: Int, on db: any Database) async throws -> UnitRelation {
        guard let own = holder.accessUnitID else { return .unrelated }
        if own == unitID { return .own }
        if try await UnitClosure.depth(from: own, to: unitID, on: db) != nil { return .descendant }
        if try await UnitClosure.depth(from: unitID, to: own, on: db) != nil { return .ancestor }
        return .unrelated
    }

    static func allows(_ holder: some AccessHolder, _ action: AccessAction, on unit: OrgUnit, db: any Database) async throws -> Bool {
        try await allows(holder, action, onUnitID: unit.requireID, db: db)
    }

    static func allows(_ holder: some AccessHolder, _ action: AccessAction, onUnitID unitID: Int, db: any Database) async throws -> Bool {
        if holder.accessRole == .admin { return true }
        return allows(holder, action, relation: try await relation(of: holder, to: unitID, on: db))
    }

    /// For a page that asks about several actions on one unit: work out the relation once.
    static func allows(_ holder: some AccessHolder, _ action: AccessAction, relation: UnitRelation) -> Bool {
        holder.accessRole == .admin || AccessPolicy.allows(holder.accessRole, action, on: relation)
    }

    /// 403 unless the holder may do `action` on the unit; `message` says why when the plain refusal would puzzle.
    static func require(_ holder: some AccessHolder, _ action: AccessAction, on unit: OrgUnit, db: any Database,
                        message: String? = nil) async throws {
        guard try await allows(holder, action, on: unit, db: db) else {
            throw message.map { AppError(.forbidden, $0) } ?? AppError.forbidden
        }
    }

    static func require(_ holder: some AccessHolder, _ action: AccessAction, onUnitID unitID: Int, db: any Database,
                        message: String? = nil) async throws {
        guard try await allows(holder, action, onUnitID: unitID, db: db) else {
            throw message.map { AppError(.forbidden, $0) } ?? AppError.forbidden
        }
    }

    /// Only administrators act outside every unit (roots, system-wide lists).
    static func requireAdmin(_ holder: some AccessHolder) throws {
        guard holder.accessRole == .admin else { throw AppError.forbidden }
    }

    /// The subtrees a holder may read; nil means everything (administrators).
    static func visibleRoots(of holder: some AccessHolder) -> [Int]? {
        if holder.accessRole == .admin { return nil }
        return holder.accessUnitID.map { [$0] } ?? []
    }
}

extension Request {
    /// The signed-in user as the actor of a use case, or 401.
    var actor: Actor {
        get throws { Actor(try requireUser(), credential: storage[BearerAuthenticatedKey.self] == true ? .apiToken : .session) }
    }

    /// Throws 403 unless the signed-in user may do `action` on `unit`. Pages and API reads call
    /// this; writes ask inside their use case.
    func authorize(_ action: AccessAction, on unit: OrgUnit) async throws {
        try await Authorizer.require(try requireUser(), action, on: unit, db: db)
    }

    /// For pages about "my subtree" (the account list, CSV import and export): the policy is
    /// asked about the user's own unit. Administrators pass; a user with no unit does not.
    func authorizeOwnUnit(_ action: AccessAction) async throws {
        let user = try requireUser()
        if user.userRole == .admin { return }
        guard let unitID = user.unitID else { throw AppError.forbidden }
        try await Authorizer.require(user, action, onUnitID: unitID, db: db)
    }

    func requireAdmin() throws {
        try Authorizer.requireAdmin(try requireUser())
    }
}
