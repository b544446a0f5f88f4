import Fluent

/// A person's choice for one kind of notice, stored only where it differs from the default
/// (in the app and by e-mail).
struct CreateNotificationPreference: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notification_preferences")
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("in_app", .bool, .required)
            .field("email", .bool, .required)
            .unique(on: "user_id", "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notification_preferences").delete()
    }
}
