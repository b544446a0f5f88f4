/// Where a task stands at the end of a reporting period, from its occurrences due by then:
/// what a review report counts as done, done late, not done, or still under way.
public enum TaskPeriodOutcome: String, Sendable, CaseIterable {
    case done
    case doneLate = "done_late"
    case notDone = "not_done"
    case underWay = "under_way"

    public var label: String {
        switch self {
        case .done: "Hoàn thành"
        case .doneLate: "Hoàn thành trễ hạn"
        case .notDone: "Chưa hoàn thành"
        case .underWay: "Đang thực hiện"
        }
    }

    /// Nil when nothing of the task fell due in the period. A task with an occurrence overdue
    /// or that could not be done is not done; one with all done, late if any was late; else
    /// under way (in time, or due when directed).
    public static func of(_ timeliness: [(state: OccurrenceState, timeliness: Timeliness)]) -> TaskPeriodOutcome? {
        guard !timeliness.isEmpty else { return nil }
        if timeliness.contains(where: { $0.timeliness == .overdue || $0.state == .cannotDo }) { return .notDone }
        if timeliness.allSatisfy({ $0.state == .done }) {
            return timeliness.contains { $0.timeliness == .doneLate } ? .doneLate : .done
        }
        return .underWay
    }
}
