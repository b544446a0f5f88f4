import Fluent
import SQLKit

/// What an oversight board recommends to a unit, followed like an inspection's requirement:
/// answered by the unit, accepted or closed with a reason by the commune the board belongs to.
struct CreateBoardRecommendations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("board_recommendations")
            .field(.id, .int, .identifier(auto: true))
            .field("board_id", .int, .required, .references("oversight_boards", .id))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("text", .string, .required)
            .field("made_on", .string, .required)
            .field("due_on", .string, .required)
            .field("state", .string, .required)
            .field("answer", .string)
            .field("answered_on", .string)
            .field("closed_on", .string)
            .field("close_reason", .string)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("board_recommendations_unit_idx", on: "board_recommendations", columns: ["unit_id", "state", "due_on"], in: database)
        try await SQLIndex.create("board_recommendations_board_idx", on: "board_recommendations", columns: ["board_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("board_recommendations").delete()
    }
}
