import Fluent
import SQLKit

/// One row counting changes to reported figures, states, reporting duties and units, so any
/// app server sees at once that its cached roll-ups are stale. Databases made before this
/// migration existed got the table from CreateReport: created and seeded only when missing.
struct CreateReportGeneration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_generation")
            .field("id", .int, .identifier(auto: false))
            .field("generation", .int, .required)
            .ignoreExisting()
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("INSERT INTO report_generation (id, generation) SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM report_generation)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_generation").delete()
    }
}
