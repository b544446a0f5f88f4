import Fluent

/// Leaders' reception sessions and dialogue conferences with their questions. A question not
/// answered on the spot points at the case it became.
struct CreateReception: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reception_sessions")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("position", .string, .required)
            .field("host_name", .string, .required)
            .field("deputy_name", .string)
            .field("extraordinary", .bool, .required)
            .field("held_on", .string, .required)
            .field("place", .string, .required)
            .field("citizens", .int, .required)
            .field("groups", .int, .required)
            .field("note", .string, .required)
            .field("created_by", .int)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("reception_sessions_unit_idx", on: "reception_sessions", columns: ["unit_id", "held_on"], in: database)
        try await database.schema("dialogues")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("co_chairs", .string, .required)
            .field("topic", .string, .required)
            .field("form", .string, .required)
            .field("scope", .string, .required)
            .field("notice_on", .string)
            .field("channels", .string, .required)
            .field("extraordinary_reason", .string)
            .field("held_on", .string, .required)
            .field("attendance", .int, .required)
            .field("conclusions", .string, .required)
            .field("published_on", .string)
            .field("version", .int, .required)
            .field("created_by", .int)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("dialogues_unit_idx", on: "dialogues", columns: ["unit_id", "held_on"], in: database)
        try await database.schema("dialogue_questions")
            .field(.id, .int, .identifier(auto: true))
            .field("dialogue_id", .int, .required, .references("dialogues", .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("asker", .string, .required)
            .field("category", .string, .required)
            .field("question", .string, .required)
            .field("answered_on_spot", .bool, .required)
            .field("answered_by", .string, .required)
            .field("case_id", .int)
            .create()
        try await SQLIndex.create("dialogue_questions_dialogue_idx", on: "dialogue_questions", columns: ["dialogue_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        for table in ["dialogue_questions", "dialogues", "reception_sessions"] {
            try await database.schema(table).delete()
        }
    }
}
