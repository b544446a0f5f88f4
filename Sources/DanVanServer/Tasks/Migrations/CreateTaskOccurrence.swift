import Fluent

/// One due period of a task, followed on its own: its state, when it was done, why it could
/// not be, and an edit version.
struct CreateTaskOccurrence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_occurrences")
            .field(.id, .int, .identifier(auto: true))
            .field("task_id", .int, .required, .references("plan_tasks", .id, onDelete: .cascade))
            .field("month", .int, .required)
            .field("due_on", .string)
            .field("label", .string, .required)
            .field("state", .string, .required)
            .field("reason", .string)
            .field("done_on", .string)
            .field("version", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await SQLIndex.create("task_occurrences_task_idx", on: "task_occurrences", columns: ["task_id", "month"], in: database)
        try await SQLIndex.create("task_occurrences_due_idx", on: "task_occurrences", columns: ["state", "due_on"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_occurrences").delete()
    }
}
