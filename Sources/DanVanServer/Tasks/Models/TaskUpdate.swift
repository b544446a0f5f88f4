import Fluent
import Foundation

/// A post on an occurrence: the lead unit's progress report (kind "update", with the state it
/// moved to) or a reminder from the level above (kind "reminder").
final class TaskUpdate: Model, @unchecked Sendable {
    static let schema = "task_updates"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "occurrence_id") var occurrenceID: Int
    @Field(key: "kind") var kind: String
    @OptionalField(key: "state") var state: String?
    @Field(key: "text") var text: String
    @OptionalField(key: "user_id") var userID: Int?
    @Field(key: "user_name") var userName: String
    @Field(key: "at") var at: Date

    init() {}

    static let reminderKind = "reminder"
    static let updateKind = "update"
}
