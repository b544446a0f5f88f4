import Fluent

/// The running text of a plan's body, so that the plan can be written out in its own words.
struct CreatePlanParagraph: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_paragraphs")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("plans", .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("line", .int, .required)
            .field("text", .string, .required)
            .create()
        try await SQLIndex.create("plan_paragraphs_plan_idx", on: "plan_paragraphs", columns: ["plan_id", "position"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_paragraphs").delete()
    }
}
