import Fluent

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .field(.id, .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("full_name", .string, .required)
            .field("unit_id", .int, .references(OrgUnit.schema, .id))
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("active", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await SQLIndex.create("users_unit_idx", on: User.schema, columns: ["unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
