import Fluent

/// Scans of letters, kept only in the optional mode and sealed like identities: the file's name
/// and its bytes are ciphertext (a letter's handwriting identifies its writer), the size and the
/// kind of file are not.
struct CreateCaseScans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("case_scans")
            .field(.id, .int, .identifier(auto: true))
            .field("case_id", .int, .required, .references("citizen_cases", .id, onDelete: .cascade))
            .field("key_id", .string, .required)
            .field("sealed_name", .string, .required)
            .field("sealed_data", .string, .required)
            .field("media_type", .string, .required)
            .field("byte_size", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_scans").delete()
    }
}
