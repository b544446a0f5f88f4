import Fluent

/// What the lead unit posted about an occurrence, with any evidence files, and the reminders
/// ("chase") the level above sent.
struct CreateTaskUpdate: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_updates")
            .field(.id, .int, .identifier(auto: true))
            .field("occurrence_id", .int, .required, .references("task_occurrences", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("state", .string)
            .field("text", .string, .required)
            .field("user_id", .int, .references(User.schema, .id))
            .field("user_name", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await SQLIndex.create("task_updates_occurrence_idx", on: "task_updates", columns: ["occurrence_id"], in: database)
        try await database.schema("evidence_files")
            .field(.id, .int, .identifier(auto: true))
            .field("update_id", .int, .required, .references("task_updates", .id, onDelete: .cascade))
            .field("stored_name", .string, .required)
            .field("original_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .create()
        try await SQLIndex.create("evidence_files_update_idx", on: "evidence_files", columns: ["update_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evidence_files").delete()
        try await database.schema("task_updates").delete()
    }
}
