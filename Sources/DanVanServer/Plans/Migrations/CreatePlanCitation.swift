import Fluent

struct CreatePlanCitation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanCitation.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("document_id", .int, .required, .references(CitedDocument.schema, .id))
            .field("is_basis", .bool, .required)
            .field("raw", .string, .required)
            .field("lines", .string, .required)
            .unique(on: "plan_id", "document_id")
            .create()
        try await SQLIndex.create("plan_citations_document_idx", on: PlanCitation.schema, columns: ["document_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanCitation.schema).delete()
    }
}
