import Fluent

/// The evidence files of a requirement's report (photos, scans of minutes), kept in the evidence
/// store and tied to the step they came with.
struct CreateRequirementFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("requirement_files")
            .field(.id, .int, .identifier(auto: true))
            .field("requirement_id", .int, .required, .references("inspection_requirements", .id, onDelete: .cascade))
            .field("event_id", .int, .required, .references("requirement_events", .id, onDelete: .cascade))
            .field("stored_name", .string, .required)
            .field("original_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("requirement_files").delete()
    }
}
