import Fluent
import SQLKit

/// Fluent's schema builder makes no plain indexes; both databases accept this SQL.
enum SQLIndex {
    static func create(_ name: String, on table: String, columns: [String], unique: Bool = false,
                       in database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let builder = sql.create(index: name).on(table)
        for column in columns {
            _ = builder.column(column)
        }
        if unique { _ = builder.unique() }
        try await builder.run()
    }
}
