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
    /// The account pages show their forms only to those the use cases would let act.
    func authorizeManaging(unitID: Int?) async throws {
        try await AccountRules.requireManaging(unitID: unitID, by: try actor, on: db)
    }

    func authorizeManaging(unitCode: String?) async throws {
        try await AccountRules.requireManaging(unitCode: unitCode, by: try actor, on: db)
    }
}
