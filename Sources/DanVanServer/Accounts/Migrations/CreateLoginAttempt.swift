import Fluent

struct CreateLoginAttempt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_attempts")
            .field(.id, .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("succeeded", .bool, .required)
            .field("at", .datetime, .required)
            .create()
        try await SQLIndex.create("login_attempts_user_at_idx", on: "login_attempts",
                                  columns: ["username", "at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_attempts").delete()
    }
}
