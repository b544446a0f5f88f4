import Fluent

/// Every (ancestor, descendant, depth) pair of the unit tree, the unit itself included at
/// depth 0, so that a subtree is one join on either database.
struct CreateUnitClosure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("unit_closure")
            .field("ancestor_id", .int, .required, .references("units", .id))
            .field("descendant_id", .int, .required, .references("units", .id))
            .field("depth", .int, .required)
            .unique(on: "ancestor_id", "descendant_id")
            .create()
        try await SQLIndex.create("unit_closure_descendant_idx", on: "unit_closure",
                                  columns: ["descendant_id", "ancestor_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unit_closure").delete()
    }
}
