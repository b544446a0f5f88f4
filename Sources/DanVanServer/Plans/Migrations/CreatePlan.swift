import Fluent

struct CreatePlan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Plan.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("year", .int, .required)
            .field("document_type", .string, .required)
            .field("number_raw", .string)
            .field("number_normalized", .string)
            .field("subject", .string, .required)
            .field("issued_on", .string)
            .field("place", .string)
            .field("issuer_text", .string)
            .field("theme", .string)
            .field("motto", .string)
            .field("status", .string, .required)
            .field("implements_plan_id", .int, .references(Plan.schema, .id))
            .field("recipients_json", .string, .required)
            .field("signature_authority", .string)
            .field("signature_position", .string)
            .field("signature_name", .string)
            .field("source_name", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SQLIndex.create("plans_unit_year_idx", on: Plan.schema, columns: ["unit_id", "year"], in: database)
        try await SQLIndex.create("plans_number_idx", on: Plan.schema, columns: ["number_normalized"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Plan.schema).delete()
    }
}
