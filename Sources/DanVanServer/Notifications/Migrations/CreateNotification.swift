import Fluent
import SQLKit

/// One notice to one person: what happened, about which unit (so a person who may no longer
/// see that unit no longer sees it), the page it links to, read or not, and how it goes by
/// mail. `event_key` makes a notice once per person: a deadline job run twice, or by two
/// servers, inserts nothing the second time.
struct CreateNotification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notifications")
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .required, .references("users", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            // No foreign key: units are ended, never deleted, and the nightly job's thousands of
            // inserts would each pay for the check.
            .field("unit_id", .int, .required)
            .field("audience", .string, .required)
            .field("title", .string, .required)
            .field("detail", .string, .required)
            .field("link", .string, .required)
            .field("event_key", .string, .required)
            .field("in_app", .bool, .required)
            .field("mail", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .unique(on: "user_id", "event_key")
            .create()
        // A person's notices are found through the unique (user_id, event_key) index: a person has
        // hundreds, not millions, and every index more is paid for by the nightly inserts.
        // Only notices waiting for mail are looked up by their mail state: a partial index costs
        // the night's thousands of in-app notices nothing.
        try await (database as? any SQLDatabase)?.raw("""
            CREATE INDEX notifications_mail_pending_idx ON notifications (mail, user_id) WHERE mail IN ('digest', 'immediate')
            """).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").delete()
    }
}
