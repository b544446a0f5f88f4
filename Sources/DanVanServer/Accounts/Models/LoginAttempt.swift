import Fluent
import Foundation

/// One try at signing in, kept so every app server counts the same failures.
final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "username") var username: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "at") var at: Date
    @OptionalField(key: "address") var address: String?

    init() {}

    init(username: String, succeeded: Bool, at: Date, address: String?) {
        self.username = username
        self.succeeded = succeeded
        self.at = at
        self.address = address
    }
}
