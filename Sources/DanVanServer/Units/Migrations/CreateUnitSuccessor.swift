import Fluent

struct CreateUnitSuccessor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UnitSuccessor.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("successor_id", .int, .required, .references(OrgUnit.schema, .id))
            .unique(on: "unit_id", "successor_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitSuccessor.schema).delete()
    }
}
