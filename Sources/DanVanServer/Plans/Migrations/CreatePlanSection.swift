import Fluent

struct CreatePlanSection: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_sections")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("plans", .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("depth", .int, .required)
            .field("number", .string, .required)
            .field("heading", .string, .required)
            .field("line", .int, .required)
            .create()
        try await SQLIndex.create("plan_sections_plan_idx", on: "plan_sections", columns: ["plan_id", "position"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_sections").delete()
    }
}
