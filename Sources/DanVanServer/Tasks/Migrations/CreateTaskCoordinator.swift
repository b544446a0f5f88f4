import Fluent

/// The units that coordinate on a task, across the party, state, front and union trees.
struct CreateTaskCoordinator: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("task_coordinators")
            .field("task_id", .int, .required, .references("plan_tasks", .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", .id))
            .unique(on: "task_id", "unit_id")
            .create()
        try await SQLIndex.create("task_coordinators_unit_idx", on: "task_coordinators", columns: ["unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("task_coordinators").delete()
    }
}
