/// Which days an office works: Monday to Friday, minus public holidays, plus the weekend days
/// worked to swap for a bridge holiday. Holidays and swaps are data, decided each year.
public struct WorkCalendar: Sendable, Equatable {
    public enum DayKind: String, Codable, Sendable, CaseIterable {
        /// A public holiday or a day off given in exchange ("nghỉ bù").
        case holiday
        /// A Saturday or Sunday worked in exchange for a day off ("làm bù").
        case workday

        public var label: String {
            switch self {
            case .holiday: "Ngày nghỉ"
            case .workday: "Ngày làm bù"
            }
        }

        /// Reads the kind as the office writes it ("nghỉ", "làm bù") or the stored key.
        public init?(parsing text: String) {
            switch VietnameseFolding.fold(text).trimmingCharacters(in: .whitespaces) {
            case "holiday", "nghi", "ngay nghi", "nghi le", "nghi bu": self = .holiday
            case "workday", "lam bu", "ngay lam bu", "lam viec": self = .workday
            default: return nil
            }
        }
    }

    /// One day that differs from the ordinary week, with the reason and the document that set it.
    public struct Day: Sendable, Equatable, Codable {
        public var date: CivilDate
        public var kind: DayKind
        public var name: String
        public var citation: String

        public init(_ date: CivilDate, _ kind: DayKind, _ name: String, citation: String = "") {
            self.date = date
            self.kind = kind
            self.name = name
            self.citation = citation
        }
    }

    public private(set) var days: [CivilDate: Day]

    public init(days: [Day]) {
        self.days = Dictionary(days.map { ($0.date, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// 1 Monday … 7 Sunday.
    public static func weekday(of date: CivilDate) -> Int {
        // 1970-01-01 was a Thursday (4).
        ((date.dayNumber % 7) + 7 + 3) % 7 + 1
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if let special = days[date] { return special.kind == .workday }
        return Self.weekday(of: date) <= 5
    }

    /// The day itself when the office works, else the next day it does.
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        // A year has at most a few dozen days off in a row; the bound only guards bad data.
        for _ in 0..<400 where !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The `count`th working day after `date` (the day of the event itself is not counted).
    public func adding(workingDays count: Int, to date: CivilDate) -> CivilDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days from the day after `start` up to and including `end` (0 when end ≤ start).
    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        guard end > start else { return 0 }
        return (start.dayNumber + 1...end.dayNumber).reduce(0) { count, number in
            count + (CivilDate(dayNumber: number).map(isWorkingDay) == true ? 1 : 0)
        }
    }
}
