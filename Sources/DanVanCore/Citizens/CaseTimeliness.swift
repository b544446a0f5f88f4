/// Timeliness as the government's tracking counts it: a finished matter was answered on time or
/// late; an open one is still in time or already overdue.
public enum CaseTimeliness: String, Codable, Sendable, CaseIterable {
    case onTime
    case late
    case inTime
    case overdue

    public var label: String {
        switch self {
        case .onTime: "Đúng hạn"
        case .late: "Trễ hạn"
        case .inTime: "Trong hạn"
        case .overdue: "Quá hạn"
        }
    }

    /// `done` is the day the last step was taken (answer, transfer, guidance), nil while open.
    public static func of(due: CivilDate?, done: CivilDate?, today: CivilDate) -> CaseTimeliness {
        guard let due else { return done == nil ? .inTime : .onTime }
        if let done { return done <= due ? .onTime : .late }
        return today <= due ? .inTime : .overdue
    }

    /// Days past the due date: until the answer, or until today while open.
    public static func daysLate(due: CivilDate?, done: CivilDate?, today: CivilDate) -> Int {
        guard let due else { return 0 }
        return max(0, (done ?? today).dayNumber - due.dayNumber)
    }
}

/// Counts of cases by timeliness: rolled up as sums, never as averages.
public struct TimelinessCounts: Sendable, Equatable, Codable {
    public var onTime = 0
    public var late = 0
    public var inTime = 0
    public var overdue = 0

    public init(onTime: Int = 0, late: Int = 0, inTime: Int = 0, overdue: Int = 0) {
        self.onTime = onTime
        self.late = late
        self.inTime = inTime
        self.overdue = overdue
    }

    public var total: Int { onTime + late + inTime + overdue }
    public var finished: Int { onTime + late }

    public mutating func add(_ timeliness: CaseTimeliness, count: Int = 1) {
        switch timeliness {
        case .onTime: onTime += count
        case .late: late += count
        case .inTime: inTime += count
        case .overdue: overdue += count
        }
    }

    public static func + (lhs: TimelinessCounts, rhs: TimelinessCounts) -> TimelinessCounts {
        TimelinessCounts(onTime: lhs.onTime + rhs.onTime, late: lhs.late + rhs.late, inTime: lhs.inTime + rhs.inTime, overdue: lhs.overdue + rhs.overdue)
    }

    /// The share answered on time among those finished, in whole percent rounded down; nil when none is finished.
    public var onTimePercent: Int? { finished == 0 ? nil : onTime * 100 / finished }
}
