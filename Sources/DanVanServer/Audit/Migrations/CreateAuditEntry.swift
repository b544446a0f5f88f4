import Fluent

struct CreateAuditEntry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .field(.id, .int, .identifier(auto: true))
            .field("at", .datetime, .required)
            .field("actor_id", .int)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_key", .string, .required)
            .field("unit_id", .int)
            .field("before_json", .string)
            .field("after_json", .string)
            .create()
        try await SQLIndex.create("audit_unit_idx", on: "audit_entries", columns: ["unit_id", "at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").delete()
    }
}
