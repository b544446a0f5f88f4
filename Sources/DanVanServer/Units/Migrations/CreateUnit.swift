import Fluent

struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .field(.id, .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("short_name", .string)
            .field("kind", .string, .required)
            .field("level", .string, .required)
            .field("parent_id", .int, .references("units", .id))
            .field("reports_to_id", .int, .references("units", .id))
            .field("valid_from", .string)
            .field("valid_to", .string)
            .field("search_text", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await SQLIndex.create("units_parent_idx", on: "units", columns: ["parent_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("units").delete()
    }
}
