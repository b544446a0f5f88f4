import SQLKit

/// Inserting plain `Encodable` rows with SQLKit, for write paths where Fluent's reflecting
/// `create` costs more than the database work (a stored plan writes hundreds of rows).
enum SQLRows {
    static let encoder = SQLQueryEncoder(nilEncodingStrategy: .asNil)
    /// Under both databases' limits on bound values per statement.
    private static let rowsPerStatement = 200

    static func insert(_ rows: [some Encodable], into table: String, on sql: any SQLDatabase) async throws {
        for chunk in chunks(rows) {
            try await sql.insert(into: table).models(chunk, with: encoder).run()
        }
    }

    /// Inserts and returns `columns` of the inserted rows (in no promised order).
    static func insert(_ rows: [some Encodable], into table: String, returning columns: [String],
                       on sql: any SQLDatabase) async throws -> [any SQLRow] {
        var inserted: [any SQLRow] = []
        for chunk in chunks(rows) {
            inserted += try await sql.insert(into: table).models(chunk, with: encoder).returning(columns.map { SQLIdentifier($0) }).all()
        }
        return inserted
    }

    private static func chunks<Row>(_ rows: [Row]) -> [[Row]] {
        stride(from: 0, to: rows.count, by: rowsPerStatement).map { Array(rows[$0..<min($0 + rowsPerStatement, rows.count)]) }
    }
}
