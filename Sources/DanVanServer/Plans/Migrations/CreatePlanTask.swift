import Fluent

struct CreatePlanTask: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_tasks")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("plans", .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("text", .string, .required)
            .field("section", .string, .required)
            .field("task_group", .string)
            .field("timing_raw", .string, .required)
            .field("months", .string, .required)
            .field("recurrence", .string)
            .field("deadline", .string)
            .field("as_directed", .bool, .required)
            .field("lead_names", .string, .required)
            .field("coordinating_names", .string, .required)
            .field("line", .int, .required)
            .create()
        try await SQLIndex.create("plan_tasks_plan_idx", on: "plan_tasks", columns: ["plan_id", "position"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_tasks").delete()
    }
}
