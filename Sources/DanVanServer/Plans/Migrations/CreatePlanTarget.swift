import Fluent

struct CreatePlanTarget: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_targets")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("plans", .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("text", .string, .required)
            .field("comparator", .string, .required)
            .field("value", .double)
            .field("upper", .double)
            .field("measure", .string, .required)
            .field("subject", .string, .required)
            .field("line", .int, .required)
            .create()
        try await SQLIndex.create("plan_targets_plan_idx", on: "plan_targets", columns: ["plan_id", "position"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_targets").delete()
    }
}
