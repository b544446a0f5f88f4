/// Where one occurrence of a task stands.
public enum OccurrenceState: String, Codable, Sendable, CaseIterable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case done
    /// Cannot be done, with a reason the lead unit gives.
    case cannotDo = "cannot_do"

    public var label: String {
        switch self {
        case .notStarted: "Chưa thực hiện"
        case .inProgress: "Đang thực hiện"
        case .done: "Đã hoàn thành"
        case .cannotDo: "Không thực hiện được"
        }
    }

    /// The moves a lead unit may make: forward, or back to in progress from done if it was
    /// recorded too early. A finished occurrence is not restarted from scratch.
    public func canMove(to next: OccurrenceState) -> Bool {
        switch (self, next) {
        case (.notStarted, .inProgress), (.notStarted, .done), (.notStarted, .cannotDo),
             (.inProgress, .done), (.inProgress, .cannotDo), (.done, .inProgress), (.cannotDo, .inProgress):
            return true
        default:
            return false
        }
    }
}

/// How an occurrence stands against its due date, as government task tracking counts it:
/// done on time, done late, overdue (not done, past due), in time (not done, not yet due).
public enum Timeliness: String, Codable, Sendable {
    case doneOnTime = "done_on_time"
    case doneLate = "done_late"
    case overdue
    case inTime = "in_time"
    /// Due when directed, or cannot be done: not counted either way.
    case notCounted = "not_counted"

    public var label: String {
        switch self {
        case .doneOnTime: "Hoàn thành đúng hạn"
        case .doneLate: "Hoàn thành trễ hạn"
        case .overdue: "Quá hạn"
        case .inTime: "Trong hạn"
        case .notCounted: "Không tính hạn"
        }
    }

    public static func of(state: OccurrenceState, dueOn: CivilDate?, doneOn: CivilDate?, today: CivilDate) -> Timeliness {
        guard let dueOn, state != .cannotDo else { return .notCounted }
        if state == .done { return (doneOn ?? today) <= dueOn ? .doneOnTime : .doneLate }
        return today > dueOn ? .overdue : .inTime
    }
}
