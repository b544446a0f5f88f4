import DanVanCore
import Fluent
import Vapor

/// Asks the access policy about a concrete unit: works out where the unit stands relative
/// to the user's own unit (from the closure table) and refuses with 403 when the policy says no.
enum Authorizer {
    static func relation(of user: User, to unitID: Int, on db: any Database) async throws -> UnitRelation {
        guard let own = user.unitID else { return .unrelated }
        if own == unitID { return .own }
        if try await UnitClosure.depth(from: own, to: unitID, on: db) != nil { return .descendant }
        if try await UnitClosure.depth(from: unitID, to: own, on: db) != nil { return .ancestor }
        return .unrelated
    }

    static func allows(_ user: User, _ action: AccessAction, on unit: OrgUnit, db: any Database) async throws -> Bool {
        if user.userRole == .admin { return true }
        return allows(user, action, relation: try await relation(of: user, to: unit.requireID, on: db))
    }

    /// For a page that asks about several actions on one unit: work out the relation once.
    static func allows(_ user: User, _ action: AccessAction, relation: UnitRelation) -> Bool {
        user.userRole == .admin || AccessPolicy.allows(user.userRole, action, on: relation)
    }

    /// The subtrees a user may read; nil means everything (administrators).
    static func visibleRoots(of user: User) -> [Int]? {
        if user.userRole == .admin { return nil }
        return user.unitID.map { [$0] } ?? []
    }
}

extension Request {
    /// Throws 403 unless the signed-in user may do `action` on `unit`. Every route that
    /// touches a unit's data calls this.
    func authorize(_ action: AccessAction, on unit: OrgUnit) async throws {
        let user = try requireUser()
        guard try await Authorizer.allows(user, action, on: unit, db: db) else {
            throw AppError.forbidden
        }
    }

    /// For pages about "my subtree" (the account list, CSV import and export): the policy is
    /// asked about the user's own unit. Administrators pass; a user with no unit does not.
    func authorizeOwnUnit(_ action: AccessAction) async throws {
        let user = try requireUser()
        if user.userRole == .admin { return }
        guard let unitID = user.unitID, let unit = try await OrgUnit.find(unitID, on: db) else { throw AppError.forbidden }
        try await authorize(action, on: unit)
    }

    /// Only administrators act outside every unit (roots, system-wide lists).
    func requireAdmin() throws {
        guard try requireUser().userRole == .admin else { throw AppError.forbidden }
    }
}
