/// When a task is due, as the plan's "Thời gian" column says it.
public struct TaskTiming: Equatable, Sendable, Codable {
    public enum Recurrence: String, Codable, Sendable { case monthly, quarterly }

    public let raw: String
    public let months: [Int]
    public let recurrence: Recurrence?
    public let deadline: CivilDate?
    public let asDirected: Bool

    public init(raw: String, months: [Int] = [], recurrence: Recurrence? = nil, deadline: CivilDate? = nil, asDirected: Bool = false) {
        self.raw = raw
        self.months = months
        self.recurrence = recurrence
        self.deadline = deadline
        self.asDirected = asDirected
    }
}
