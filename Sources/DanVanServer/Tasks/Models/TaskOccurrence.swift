import DanVanCore
import Fluent
import Foundation

/// One due period of a task (a month, a quarter, a deadline), followed on its own.
final class TaskOccurrence: Model, @unchecked Sendable {
    static let schema = "task_occurrences"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "task_id") var taskID: Int
    @Field(key: "month") var month: Int
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "label") var label: String
    @Field(key: "state") var state: String
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "done_on") var doneOn: String?
    @Field(key: "version") var version: Int
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var requireID: Int { id ?? 0 }
    var occurrenceState: OccurrenceState { OccurrenceState(rawValue: state) ?? .notStarted }

    func timeliness(today: CivilDate) -> Timeliness {
        Timeliness.of(state: occurrenceState, dueOn: dueOn.flatMap(CivilDate.init(parsing:)),
                      doneOn: doneOn.flatMap(CivilDate.init(parsing:)), today: today)
    }
}
