import Fluent

/// Progress on a model through the year: what was done, output figures that add up the tree
/// (households that gave land, metres of road, trees planted), and evidence files.
struct CreateModelNote: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("model_notes")
            .field(.id, .int, .identifier(auto: true))
            .field("model_id", .int, .required, .references("movement_models", .id, onDelete: .cascade))
            .field("noted_on", .string, .required)
            .field("text", .string, .required)
            .field("households", .int)
            .field("road_metres", .int)
            .field("trees", .int)
            .field("author_id", .int)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("model_notes_model_idx", on: "model_notes", columns: ["model_id"], in: database)
        try await database.schema("model_note_files")
            .field(.id, .int, .identifier(auto: true))
            .field("note_id", .int, .required, .references("model_notes", .id, onDelete: .cascade))
            .field("stored_name", .string, .required)
            .field("original_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .create()
        try await SQLIndex.create("model_note_files_note_idx", on: "model_note_files", columns: ["note_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("model_note_files").delete()
        try await database.schema("model_notes").delete()
    }
}
