import Fluent

struct CreateCitedDocument: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cited_documents")
            .field(.id, .int, .identifier(auto: true))
            .field("normalized", .string, .required)
            .field("issue_year", .int, .required)
            .field("type", .string, .required)
            .field("type_name", .string, .required)
            .field("issued_on", .string)
            .field("issuer", .string)
            .field("subject", .string)
            .field("first_raw", .string, .required)
            .unique(on: "normalized", "issue_year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cited_documents").delete()
    }
}
