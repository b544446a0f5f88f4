import Fluent

struct CreatePlanImportDraft: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanImportDraft.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content", .data, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanImportDraft.schema).delete()
    }
}
