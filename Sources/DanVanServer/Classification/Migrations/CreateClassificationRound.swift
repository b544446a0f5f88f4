import Fluent

/// A year's classification round opened by the level above for the units below it, one sheet
/// per unit, one row per scored criterion (self, pre-filled, appraised, each with its words),
/// and evidence files per criterion. Points are stored in hundredths.
struct CreateClassificationRound: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("classification_rounds")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("year", .int, .required)
            .field("set_id", .int, .required, .references("criteria_sets", .id))
            .field("title", .string, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("state", .string, .required)
            .field("decision_number", .string)
            .field("decision_date", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "unit_id", "year")
            .create()
        try await database.schema("classification_sheets")
            .field(.id, .int, .identifier(auto: true))
            .field("round_id", .int, .required, .references("classification_rounds", .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("state", .string, .required)
            .field("self_total", .int, .required)
            .field("appraised_total", .int)
            .field("label", .string)
            .field("gated", .bool, .required)
            .field("submitted_on", .string)
            .field("return_reason", .string)
            .field("reopen_reason", .string)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "round_id", "unit_id")
            .create()
        try await SQLIndex.create("classification_sheets_unit_idx", on: "classification_sheets", columns: ["unit_id"], in: database)
        try await database.schema("classification_scores")
            .field(.id, .int, .identifier(auto: true))
            .field("sheet_id", .int, .required, .references("classification_sheets", .id, onDelete: .cascade))
            .field("criterion_key", .string, .required)
            .field("self_points", .int)
            .field("self_note", .string, .required)
            .field("prefill_points", .int)
            .field("prefill_figures", .string)
            .field("override_reason", .string)
            .field("appraised_points", .int)
            .field("appraisal_reason", .string)
            .unique(on: "sheet_id", "criterion_key")
            .create()
        try await database.schema("classification_files")
            .field(.id, .int, .identifier(auto: true))
            .field("sheet_id", .int, .required, .references("classification_sheets", .id, onDelete: .cascade))
            .field("criterion_key", .string, .required)
            .field("stored_name", .string, .required)
            .field("original_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .create()
        try await SQLIndex.create("classification_files_sheet_idx", on: "classification_files", columns: ["sheet_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        for table in ["classification_files", "classification_scores", "classification_sheets", "classification_rounds"] {
            try await database.schema(table).delete()
        }
    }
}
