import Fluent

/// What the lead unit posted about an occurrence and the reminders ("chase") the level above
/// sent. Its evidence files have their own table (CreateEvidenceFile).
struct CreateTaskUpdate: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_updates")
            .field(.id, .int, .identifier(auto: true))
            .field("occurrence_id", .int, .required, .references("task_occurrences", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("state", .string)
            .field("text", .string, .required)
            .field("user_id", .int, .references("users", .id))
            .field("user_name", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await SQLIndex.create("task_updates_occurrence_idx", on: "task_updates", columns: ["occurrence_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_updates").delete()
    }
}
