import Fluent

/// The content of an issued plan as it was before a change: kept, and comparable with the
/// current one.
struct CreatePlanRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_revisions")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("plans", .id, onDelete: .cascade))
            .field("revision", .int, .required)
            .field("content_json", .string, .required)
            .field("user_name", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "plan_id", "revision")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_revisions").delete()
    }
}
