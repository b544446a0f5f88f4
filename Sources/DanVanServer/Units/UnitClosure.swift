import Fluent
import SQLKit

/// Keeps the closure table true. Every function runs inside the caller's transaction,
/// so the tree and its closure never disagree.
enum UnitClosure {
    static let table = "unit_closure"

    static func insertNode(_ id: Int, parent: Int?, on db: any Database) async throws {
        let sql = try sqlDatabase(db)
        try await sql.raw("""
            INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES (\(bind: id), \(bind: id), 0)
            """).run()
        guard let parent else { return }
        try await sql.raw("""
            INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
            SELECT ancestor_id, \(bind: id), depth + 1 FROM unit_closure WHERE descendant_id = \(bind: parent)
            """).run()
    }

    /// Detaches the subtree of `id` from its old ancestors and hangs it under `newParent`.
    static func moveSubtree(_ id: Int, to newParent: Int?, on db: any Database) async throws {
        let sql = try sqlDatabase(db)
        try await sql.raw("""
            DELETE FROM unit_closure
            WHERE descendant_id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: id))
              AND ancestor_id NOT IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: id))
            """).run()
        guard let newParent else { return }
        try await sql.raw("""
            INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
            SELECT above.ancestor_id, below.descendant_id, above.depth + below.depth + 1
            FROM unit_closure above CROSS JOIN unit_closure below
            WHERE above.descendant_id = \(bind: newParent) AND below.ancestor_id = \(bind: id)
            """).run()
    }

    /// Depth of `descendant` below `ancestor`, or nil when it is not below it.
    static func depth(from ancestor: Int, to descendant: Int, on db: any Database) async throws -> Int? {
        let sql = try sqlDatabase(db)
        let row = try await sql.raw("""
            SELECT depth FROM unit_closure WHERE ancestor_id = \(bind: ancestor) AND descendant_id = \(bind: descendant)
            """).first()
        return try row?.decode(column: "depth", as: Int.self)
    }

    /// The unit itself and every unit above it.
    static func ancestorIDs(of unitID: Int, on db: any Database) async throws -> [Int] {
        try await sqlDatabase(db).raw("SELECT ancestor_id FROM unit_closure WHERE descendant_id = \(bind: unitID)").all()
            .map { try $0.decode(column: "ancestor_id", as: Int.self) }
    }

    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else {
            throw AppError.internalError("Cơ sở dữ liệu không hỗ trợ SQL.")
        }
        return sql
    }
}
