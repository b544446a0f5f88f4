/// A mail to queue: whom to, the words, and the cause that makes it once.
struct OutgoingMail: Sendable, Equatable {
    let userID: Int?
    let to: String
    let subject: String
    let text: String
    let html: String
    /// Unique in the outbox: a second mail with the same cause is not queued.
    let causeKey: String
}
