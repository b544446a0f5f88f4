import Fluent

/// Plans derived from an upper plan link each target and task to its parent; targets get
/// their indicator; tasks their lead unit, expected result and an edit version; plans a
/// revision number (an issued plan changed becomes a new revision). One column per ALTER:
/// SQLite adds no more.
struct AddPlanDerivation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plans").field("revision", .int, .required, .sql(.default(1))).update()
        try await database.schema("plan_targets")
            .field("parent_target_id", .int, .references("plan_targets", .id, onDelete: .setNull)).update()
        try await database.schema("plan_targets").field("indicator_id", .int, .references("indicators", .id, onDelete: .setNull)).update()
        try await database.schema("plan_tasks")
            .field("parent_task_id", .int, .references("plan_tasks", .id, onDelete: .setNull)).update()
        try await database.schema("plan_tasks").field("lead_unit_id", .int, .references("units", .id)).update()
        try await database.schema("plan_tasks").field("expected_result", .string).update()
        try await database.schema("plan_tasks").field("version", .int, .required, .sql(.default(1))).update()
        try await SQLIndex.create("plan_targets_parent_idx", on: "plan_targets", columns: ["parent_target_id"], in: database)
        try await SQLIndex.create("plan_tasks_parent_idx", on: "plan_tasks", columns: ["parent_task_id"], in: database)
        try await SQLIndex.create("plan_tasks_lead_idx", on: "plan_tasks", columns: ["lead_unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        for field in ["parent_task_id", "lead_unit_id", "expected_result", "version"] {
            try await database.schema("plan_tasks").deleteField(.string(field)).update()
        }
        for field in ["parent_target_id", "indicator_id"] {
            try await database.schema("plan_targets").deleteField(.string(field)).update()
        }
        try await database.schema("plans").deleteField("revision").update()
    }
}
