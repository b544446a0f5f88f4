/// How pressing one item of "Việc cần làm" is, so the list puts first what is late, then what is
/// due soonest, then what waits on the user without a date.
public struct ToDoUrgency: Comparable, Sendable {
    public enum Band: Int, Comparable, Sendable {
        case overdue = 0, returned, dueThisWeek, waitingForMe, dueThisMonth, upcoming, undated

        public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rawValue < rhs.rawValue }

        public var label: String {
            switch self {
            case .overdue: "Quá hạn"
            case .returned: "Bị trả lại"
            case .dueThisWeek: "Đến hạn trong 7 ngày"
            case .waitingForMe: "Chờ tôi xử lý"
            case .dueThisMonth: "Đến hạn trong tháng"
            case .upcoming: "Sắp tới"
            case .undated: "Không có hạn"
            }
        }

        public var tone: String {
            switch self {
            case .overdue, .returned: "bad"
            case .dueThisWeek, .waitingForMe: "warn"
            default: "info"
            }
        }
    }

    public let band: Band
    public let due: CivilDate?

    public init(band: Band, due: CivilDate?) {
        self.band = band
        self.due = due
    }

    /// The band a dated item falls in on `today`; `waiting` items are another person's doing
    /// that now waits on the user (a report to approve).
    public static func of(due: CivilDate?, today: CivilDate, returned: Bool = false, waiting: Bool = false) -> ToDoUrgency {
        guard let due else { return ToDoUrgency(band: returned ? .returned : waiting ? .waitingForMe : .undated, due: nil) }
        let band: Band = if due < today { .overdue }
            else if returned { .returned }
            else if waiting { .waitingForMe }
            else if due.dayNumber - today.dayNumber <= 7 { .dueThisWeek }
            else if due.year == today.year && due.month == today.month { .dueThisMonth }
            else { .upcoming }
        return ToDoUrgency(band: band, due: due)
    }

    public static func < (lhs: ToDoUrgency, rhs: ToDoUrgency) -> Bool {
        if lhs.band != rhs.band { return lhs.band < rhs.band }
        switch (lhs.due, rhs.due) {
        case let (l?, r?): return l < r
        case (.some, nil): return true
        default: return false
        }
    }
}
