import Fluent

struct CreatePlanCitation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_citations")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("plans", .id, onDelete: .cascade))
            .field("document_id", .int, .required, .references("cited_documents", .id))
            .field("is_basis", .bool, .required)
            .field("raw", .string, .required)
            .field("lines", .string, .required)
            .unique(on: "plan_id", "document_id")
            .create()
        try await SQLIndex.create("plan_citations_document_idx", on: "plan_citations", columns: ["document_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_citations").delete()
    }
}
