import DanVanCore
import Fluent
import Foundation

/// A person who signs in. Everyone but an administrator acts for one unit.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "username") var username: String
    @Field(key: "full_name") var fullName: String
    @OptionalField(key: "unit_id") var unitID: Int?
    @Field(key: "role") var role: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "active") var active: Bool
    @Field(key: "version") var version: Int
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "email_verified_at") var emailVerifiedAt: Date?
    @OptionalField(key: "email_token_hash") var emailTokenHash: String?
    @OptionalField(key: "email_token_expires_at") var emailTokenExpiresAt: Date?
    @OptionalField(key: "mail_timing") var mailTiming: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var userRole: Role { Role(rawValue: role) ?? .viewer }
    var requireID: Int { id ?? 0 }
    var timing: MailTiming { mailTiming.flatMap(MailTiming.init(rawValue:)) ?? .digest }
    /// The address notices may be mailed to: set and verified.
    var verifiedEmail: String? { emailVerifiedAt == nil ? nil : email }
}
