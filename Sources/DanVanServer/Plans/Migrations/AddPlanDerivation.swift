import Fluent

/// Plans derived from an upper plan link each target and task to its parent; targets get
/// their indicator; tasks their lead unit, expected result and an edit version; plans a
/// revision number (an issued plan changed becomes a new revision). One column per ALTER:
/// SQLite adds no more.
struct AddPlanDerivation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Plan.schema).field("revision", .int, .required, .sql(.default(1))).update()
        try await database.schema(PlanTargetRecord.schema)
            .field("parent_target_id", .int, .references(PlanTargetRecord.schema, .id, onDelete: .setNull)).update()
        try await database.schema(PlanTargetRecord.schema).field("indicator_id", .int, .references("indicators", .id, onDelete: .setNull)).update()
        try await database.schema(PlanTaskRecord.schema)
            .field("parent_task_id", .int, .references(PlanTaskRecord.schema, .id, onDelete: .setNull)).update()
        try await database.schema(PlanTaskRecord.schema).field("lead_unit_id", .int, .references(OrgUnit.schema, .id)).update()
        try await database.schema(PlanTaskRecord.schema).field("expected_result", .string).update()
        try await database.schema(PlanTaskRecord.schema).field("version", .int, .required, .sql(.default(1))).update()
        try await SQLIndex.create("plan_targets_parent_idx", on: PlanTargetRecord.schema, columns: ["parent_target_id"], in: database)
        try await SQLIndex.create("plan_tasks_parent_idx", on: PlanTaskRecord.schema, columns: ["parent_task_id"], in: database)
        try await SQLIndex.create("plan_tasks_lead_idx", on: PlanTaskRecord.schema, columns: ["lead_unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        for field in ["parent_task_id", "lead_unit_id", "expected_result", "version"] {
            try await database.schema(PlanTaskRecord.schema).deleteField(.string(field)).update()
        }
        for field in ["parent_target_id", "indicator_id"] {
            try await database.schema(PlanTargetRecord.schema).deleteField(.string(field)).update()
        }
        try await database.schema(Plan.schema).deleteField("revision").update()
    }
}
