import Fluent

struct CreateUnitSuccessor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("unit_successors")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("successor_id", .int, .required, .references("units", .id))
            .unique(on: "unit_id", "successor_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unit_successors").delete()
    }
}
