import Fluent

/// How a target is measured, reusable across plans and years.
struct CreateIndicator: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("indicators")
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("per_unit_comparator", .string)
            .field("per_unit_value", .double)
            .field("unit_id", .int, .references("units", .id))
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("indicators").delete()
    }
}
