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
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var userRole: Role { Role(rawValue: role) ?? .viewer }
    var requireID: Int { id ?? 0 }
}
