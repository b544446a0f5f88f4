import Fluent

/// A draft keeps what was read from it (the reading and the lines shown beside it), so the
/// import page and the review page never read the file again. One column per ALTER: SQLite
/// adds no more. Drafts made before this have neither and are read once more when reviewed.
struct AddPlanImportDraftReading: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_import_drafts").field("reading_json", .string).update()
        try await database.schema("plan_import_drafts").field("lines_json", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_import_drafts").deleteField("lines_json").update()
        try await database.schema("plan_import_drafts").deleteField("reading_json").update()
    }
}
