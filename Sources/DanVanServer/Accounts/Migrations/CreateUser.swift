import Fluent

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field(.id, .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("full_name", .string, .required)
            .field("unit_id", .int, .references("units", .id))
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("active", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
        try await SQLIndex.create("users_unit_idx", on: "users", columns: ["unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
