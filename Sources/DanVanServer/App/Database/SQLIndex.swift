import Fluent
import SQLKit

/// Fluent's schema builder makes no plain indexes; both databases accept this SQL.
enum SQLIndex {
    /// `ifMissing` is for migrations that may find the index already made by an older one.
    static func create(_ name: String, on table: String, columns: [String], unique: Bool = false, ifMissing: Bool = false,
                       in database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if ifMissing {
            let list = columns.map { SQLIdentifier($0) }
            try await sql.raw("CREATE \(unsafeRaw: unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(ident: name) ON \(ident: table) (\(SQLList(list)))").run()
            return
        }
        let builder = sql.create(index: name).on(table)
        for column in columns {
            _ = builder.column(column)
        }
        if unique { _ = builder.unique() }
        try await builder.run()
    }
}
