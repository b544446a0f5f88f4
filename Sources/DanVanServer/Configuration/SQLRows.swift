import SQLKit

/// Inserting plain `Encodable` rows with SQLKit, for write paths where Fluent's reflecting
/// `create` costs more than the database work (a stored plan writes hundreds of rows).
enum SQLRows {
    static let encoder = SQLQueryEncoder(nilEncodingStrategy: .asNil)
    /// Under both databases' limits on bound values per statement.
    private static let rowsPerStatement = 200

    static func insert(_ rows: [some Encodable], into table: String, on sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let chunk = Array(rows[start..<min(start + rowsPerStatement, rows.count)])
            try await sql.insert(into: table).models(chunk, with: encoder).run()
        }
    }
}
