import Fluent

/// The yearly inspection plan: items with a month, a kind, contents and the units to inspect
/// (chosen later when the item came from a plan's task), the task it came from, and the
/// inspection that carried it out.
struct CreateInspectionPlan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("inspection_plan_items")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("year", .int, .required)
            .field("month", .int, .required)
            .field("kind", .string, .required)
            .field("contents", .string, .required)
            .field("task_id", .int, .references("plan_tasks", .id, onDelete: .setNull))
            .field("inspection_id", .int, .references("inspections", .id, onDelete: .setNull))
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "unit_id", "task_id", "month")
            .create()
        try await SQLIndex.create("inspection_plan_items_unit_idx", on: "inspection_plan_items", columns: ["unit_id", "year", "month"], in: database)
        try await database.schema("inspection_plan_subjects")
            .field("item_id", .int, .required, .references("inspection_plan_items", .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", .id))
            .unique(on: "item_id", "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("inspection_plan_subjects").delete()
        try await database.schema("inspection_plan_items").delete()
    }
}
