import Fluent

/// A year's "Dân vận khéo" campaign launched by a unit for its subtree: the launching document,
/// the fields and kinds, which units must register, the windows, the recognition levels and the
/// evaluation criteria. The rules of a year are its campaign's: a new year's campaign never
/// changes an old year's results.
struct CreateModelCampaign: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("model_campaigns")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("document_number", .string, .required)
            .field("document_date", .string, .required)
            .field("fields", .string, .required)
            .field("kinds", .string, .required)
            .field("unit_kinds", .string, .required)
            .field("registration_from", .string, .required)
            .field("registration_to", .string, .required)
            .field("evaluation_from", .string, .required)
            .field("evaluation_to", .string, .required)
            .field("levels", .string, .required)
            .field("criteria", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "unit_id", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("model_campaigns").delete()
    }
}
