import Fluent

struct CreatePlan: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plans")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
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
            .field("implements_plan_id", .int, .references("plans", .id))
            .field("recipients_json", .string, .required)
            .field("signature_authority", .string)
            .field("signature_position", .string)
            .field("signature_name", .string)
            .field("source_name", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await SQLIndex.create("plans_unit_year_idx", on: "plans", columns: ["unit_id", "year"], in: database)
        try await SQLIndex.create("plans_number_idx", on: "plans", columns: ["number_normalized"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plans").delete()
    }
}
