/// One due period of a task: recurring timings make one per month or quarter, each followed
/// on its own; a one-off task has one.
public struct ScheduledOccurrence: Equatable, Sendable {
    /// The month the occurrence falls in, for the 12-month grid (the quarter's last month for
    /// quarterly tasks, December for tasks "as directed" or without a time).
    public let month: Int
    /// Last day to be done on time; nil for tasks "as directed" (due when the direction comes).
    public let dueOn: CivilDate?
    /// "Tháng 3/2025", "Quý I/2025", "Hạn 15/10/2025", "Theo chỉ đạo".
    public let label: String
}

public enum OccurrenceSchedule {
    /// The occurrences of a task with this timing in a plan of `year`. A month outside 1–12 is
    /// refused by `TaskTiming.problem` before this is asked.
    public static func occurrences(of timing: TaskTiming, year: Int) -> [ScheduledOccurrence] {
        if let deadline = timing.deadline {
            return [ScheduledOccurrence(month: deadline.year == year ? deadline.month : 12, dueOn: deadline, label: "Hạn \(deadline.vietnamese)")]
        }
        switch timing.recurrence {
        case .monthly:
            return (1...12).map { monthly($0, year) }
        case .quarterly:
            return [3, 6, 9, 12].map { month in
                ScheduledOccurrence(month: month, dueOn: endOfMonth(month, year), label: "Quý \(roman[month / 3 - 1])/\(year)")
            }
        case nil:
            break
        }
        let months = timing.months.filter { (1...12).contains($0) }
        if !months.isEmpty { return Array(Set(months)).sorted().map { monthly($0, year) } }
        if timing.asDirected { return [ScheduledOccurrence(month: 12, dueOn: nil, label: "Theo chỉ đạo")] }
        return [ScheduledOccurrence(month: 12, dueOn: endOfMonth(12, year), label: "Trong năm \(year)")]
    }

    private static let roman = ["I", "II", "III", "IV"]

    private static func monthly(_ month: Int, _ year: Int) -> ScheduledOccurrence {
        ScheduledOccurrence(month: month, dueOn: endOfMonth(month, year), label: "Tháng \(month)/\(year)")
    }

    static func endOfMonth(_ month: Int, _ year: Int) -> CivilDate? {
        CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
    }
}

public extension TaskTiming {
    /// What is wrong with the timing as entered, or nil.
    var problem: String? {
        if let bad = months.first(where: { !(1...12).contains($0) }) { return "Tháng \(bad) không tồn tại (chỉ có tháng 1 đến 12)." }
        return nil
    }
}
