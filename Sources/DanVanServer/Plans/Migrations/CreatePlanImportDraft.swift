import Fluent

struct CreatePlanImportDraft: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_import_drafts")
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", .id, onDelete: .cascade))
            .field("filename", .string, .required)
            .field("content", .data, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_import_drafts").delete()
    }
}
