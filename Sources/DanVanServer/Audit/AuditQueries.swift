import Fluent
import SQLKit

/// Reads the audit log, limited to the subtrees the reader manages.
enum AuditQueries {
    static func recent(within rootIDs: [Int]?, limit: Int = 200, on db: any Database) async throws -> [AuditEntry] {
        guard let rootIDs else {
            return try await AuditEntry.query(on: db).sort(\.$at, .descending).sort(\.$id, .descending).limit(limit).all()
        }
        guard !rootIDs.isEmpty else { return [] }
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT a.id FROM audit_entries a JOIN unit_closure c ON c.descendant_id = a.unit_id
            WHERE c.ancestor_id IN (\(binds: rootIDs)) ORDER BY a.at DESC, a.id DESC LIMIT \(bind: limit)
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        return try await AuditEntry.query(on: db).filter(\.$id ~~ ids).sort(\.$at, .descending).sort(\.$id, .descending).all()
    }
}
