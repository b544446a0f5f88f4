import Fluent

/// Sign-in attempts remember the address they came from, so that guessing is limited per
/// address and an account locked by someone's guesses still opens for its owner elsewhere; and
/// they are found by age, to be purged.
struct AddLoginAttemptAddress: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_attempts").field("address", .string).update()
        try await SQLIndex.create("login_attempts_address_at_idx", on: "login_attempts", columns: ["address", "at"], in: database)
        try await SQLIndex.create("login_attempts_at_idx", on: "login_attempts", columns: ["at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_attempts").deleteField("address").update()
    }
}
