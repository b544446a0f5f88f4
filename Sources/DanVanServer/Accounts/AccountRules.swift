import DanVanCore
import Fluent
import Foundation

/// What creating and changing an account both check: who may manage accounts of a unit, which
/// roles the actor may hand out, and the unit an account belongs to.
enum AccountRules {
    /// Managing an account needs `manageUsers` on its unit; accounts without a unit are the
    /// administrators', which only administrators manage.
    static func requireManaging(unitID: Int?, by actor: Actor, on db: any Database) async throws {
        guard let unitID else { return try Authorizer.requireAdmin(actor) }
        try await Authorizer.require(actor, .manageUsers, onUnitID: unitID, db: db)
    }

    static func requireManaging(unitCode: String?, by actor: Actor, on db: any Database) async throws {
        guard let code = UnitInput.nonEmpty(unitCode) else { return try Authorizer.requireAdmin(actor) }
        let unit = try await UnitQueries.require(code: code, field: "unitCode", on: db)
        try await Authorizer.require(actor, .manageUsers, on: unit, db: db)
    }

    static func checkedRole(_ raw: String, grantedBy granter: Role, issues: inout [ValidationIssue]) throws -> Role? {
        switch AccountValidation.role(raw) {
        case .failure(let issue):
            issues.append(issue)
            return nil
        case .success(let role):
            guard granter.grantableRoles.contains(role) else {
                throw AppError(.forbidden, "Bạn không được cấp vai trò \"\(role.label)\".", field: "role")
            }
            return role
        }
    }

    static func unitID(_ code: String?, role: Role, on db: any Database) async throws -> Int? {
        guard let code = UnitInput.nonEmpty(code) else {
            guard role == .admin else { throw AppError.invalid("unitCode", "Người dùng phải thuộc một đơn vị.") }
            return nil
        }
        return try await UnitQueries.require(code: code, field: "unitCode", on: db).id
    }

    static func dto(_ user: User, on db: any Database) async throws -> UserDTO {
        let code = try await user.unitID.asyncMap { try await OrgUnit.find($0, on: db)?.code } ?? nil
        return UserDTO(user, unitCode: code)
    }

    /// Ends every browser session and revokes every API token of a user: after a password change
    /// or reset nothing signed in with the old one keeps working. `keepingSession` is the hash of
    /// the browser that changed its own password. Returns how many tokens were revoked.
    @discardableResult
    static func signOutEverywhere(_ userID: Int, keepingSession kept: String? = nil, on tx: any Database) async throws -> Int {
        let sessions = UserSession.query(on: tx).filter(\.$userID == userID)
        if let kept { sessions.filter(\.$tokenHash != kept) }
        try await sessions.delete()
        let live = try await APIToken.query(on: tx).filter(\.$userID == userID).filter(\.$revokedAt == nil).all()
        for token in live {
            token.revokedAt = Date()
            try await token.save(on: tx)
        }
        return live.count
    }
}
