import Fluent

/// Criteria sets as dated data: who issued them by which decision, from when to when, which
/// unit kinds they grade, and the definition (criteria tree, bands, gates) as JSON. A set in use
/// never changes; a new version replaces it from a date.
struct CreateCriteriaSet: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("criteria_sets")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("title", .string, .required)
            .field("decision_number", .string, .required)
            .field("decision_date", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("replaced_by_id", .int)
            .field("unit_kinds", .string, .required)
            .field("max_points", .int, .required)
            .field("definition", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("criteria_sets_unit_idx", on: "criteria_sets", columns: ["unit_id", "valid_from"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("criteria_sets").delete()
    }
}
