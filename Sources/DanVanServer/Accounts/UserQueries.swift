import Vapor
import Fluent
import SQLKit

/// Reads accounts, limited to what the reader may see.
enum UserQueries {
    /// Accounts of units in `rootIDs`' subtrees; nil: every account.
    static func list(within rootIDs: [Int]?, on db: any Database) async throws -> [User] {
        guard let rootIDs else { return try await User.query(on: db).sort(\.$username).all() }
        guard !rootIDs.isEmpty else { return [] }
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT u.id FROM users u JOIN unit_closure c ON c.descendant_id = u.unit_id
            WHERE c.ancestor_id IN (\(binds: rootIDs))
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        return try await User.query(on: db).filter(\.$id ~~ ids).sort(\.$username).all()
    }

    static func require(id text: String, on db: any Database) async throws -> User {
        guard let id = Int(text), let user = try await User.find(id, on: db) else {
            throw AppError.notFound("Không tìm thấy người dùng \"\(text)\".")
        }
        return user
    }
}

extension Request {
    /// Managing an account needs `manageUsers` on its unit; accounts without a unit are the
    /// administrators', which only administrators manage.
    func authorizeManaging(unitID: Int?) async throws {
        guard let unitID else { return try requireAdmin() }
        guard let unit = try await OrgUnit.find(unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        try await authorize(.manageUsers, on: unit)
    }

    func authorizeManaging(unitCode: String?) async throws {
        guard let code = UnitInput.nonEmpty(unitCode) else { return try requireAdmin() }
        let unit = try await UnitQueries.require(code: code, field: "unitCode", on: db)
        try await authorize(.manageUsers, on: unit)
    }
}
