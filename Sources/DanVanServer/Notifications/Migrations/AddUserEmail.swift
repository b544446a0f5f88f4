import Fluent

/// An account's e-mail address (optional), verified by a link before any notice is mailed to
/// it, and how its mail is timed (daily digest or immediate).
struct AddUserEmail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one at a time.
        let columns: [(String, DatabaseSchema.DataType)] = [
            ("email", .string), ("email_verified_at", .datetime), ("email_token_hash", .string),
            ("email_token_expires_at", .datetime), ("mail_timing", .string),
        ]
        for (name, type) in columns {
            try await database.schema("users").field(.string(name), type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for field in ["email", "email_verified_at", "email_token_hash", "email_token_expires_at", "mail_timing"] {
            try await database.schema("users").deleteField(.string(field)).update()
        }
    }
}
