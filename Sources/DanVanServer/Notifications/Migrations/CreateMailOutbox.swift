import Fluent

/// Mail waiting to go, written in the transaction of its cause and sent by the job runner:
/// queued → sending (claimed until a time, so a runner that dies lets it go) → sent, or back
/// to queued with a later `next_attempt_at`, or failed after `MailRetry.maxAttempts`.
/// `cause_key` is unique: one verification, one digest per person and day, one mail per notice.
struct CreateMailOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mail_outbox")
            .field(.id, .int, .identifier(auto: true))
            .field("user_id", .int, .references("users", .id, onDelete: .setNull))
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("cause_key", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .double, .required)
            .field("claimed_until", .double)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .unique(on: "cause_key")
            .create()
        try await SQLIndex.create("mail_outbox_due_idx", on: "mail_outbox", columns: ["state", "next_attempt_at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_outbox").delete()
    }
}
