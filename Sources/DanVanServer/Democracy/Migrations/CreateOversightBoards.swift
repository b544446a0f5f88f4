import Fluent
import SQLKit

/// The people's inspection boards and community investment supervision boards, with their terms.
struct CreateOversightBoards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("oversight_boards")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("kind", .string, .required)
            .field("decision", .string, .required)
            .field("term_from", .string, .required)
            .field("term_to", .string)
            .field("members", .string, .required)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("oversight_boards_unit_idx", on: "oversight_boards", columns: ["unit_id", "kind"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("oversight_boards").delete()
    }
}
