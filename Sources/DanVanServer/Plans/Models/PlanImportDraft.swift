import Fluent
import Foundation

/// An uploaded plan file waiting for its reviewer to confirm it. Kept in the database so the
/// file crosses a slow link once and any app server can show the review; never a plan until
/// confirmed, and removed then (or when it expires).
final class PlanImportDraft: Model, @unchecked Sendable {
    static let schema = "plan_import_drafts"
    static let lifetime: TimeInterval = 24 * 3600

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "filename") var filename: String
    @Field(key: "content") var content: Data
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: Int, filename: String, content: Data) {
        self.userID = userID
        self.filename = filename
        self.content = content
    }

    var requireID: Int { id ?? 0 }
}
