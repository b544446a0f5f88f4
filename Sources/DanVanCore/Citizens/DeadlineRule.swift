/// A legal time limit as data: what must be done, from which event, in how many calendar or
/// working days, how circumstances change it, how often it may be extended, and the article
/// that sets it. A case keeps the due date computed under the rule in force on its event, so a
/// rule changed later never rewrites an old result.
public struct DeadlineRule: Sendable, Equatable, Codable {
    public enum DayKind: String, Codable, Sendable, CaseIterable {
        case calendar
        case working

        public var label: String { self == .calendar ? "ngày" : "ngày làm việc" }

        public init?(parsing text: String) {
            switch VietnameseFolding.fold(text).trimmingCharacters(in: .whitespaces) {
            case "calendar", "ngay", "ngay lich": self = .calendar
            case "working", "ngay lam viec", "lam viec": self = .working
            default: return nil
            }
        }
    }

    /// Which step the limit is for, and so which event starts it.
    public enum Stage: String, Codable, Sendable, CaseIterable {
        /// Tell the citizen how the matter will be handled; runs from receipt.
        case notify
        /// Accept (thụ lý) or do the initial handling; runs from receipt.
        case accept
        /// Resolve or answer; runs from acceptance.
        case resolve

        public var label: String {
            switch self {
            case .notify: "Thông báo cho công dân"
            case .accept: "Thụ lý, xử lý ban đầu"
            case .resolve: "Giải quyết, trả lời"
            }
        }
    }

    /// What is needed for an extension and how long it is; the count depends on complexity.
    public struct Extensions: Sendable, Equatable, Codable {
        public var days: Int
        public var whenComplex: Int
        public var whenVeryComplex: Int

        public init(days: Int = 0, whenComplex: Int = 0, whenVeryComplex: Int = 0) {
            self.days = days
            self.whenComplex = whenComplex
            self.whenVeryComplex = whenVeryComplex
        }

        public static let none = Extensions()

        public func allowed(for complexity: CaseComplexity) -> Int {
            switch complexity {
            case .ordinary: 0
            case .complex: whenComplex
            case .veryComplex: whenVeryComplex
            }
        }
    }

    public var key: String
    public var event: String
    public var kinds: [CaseKind]
    public var stage: Stage
    /// A second complaint (khiếu nại lần hai) has its own limits.
    public var secondRound: Bool
    public var limit: Int
    public var complexLimit: Int?
    public var remoteLimit: Int?
    public var remoteComplexLimit: Int?
    public var dayKind: DayKind
    public var extensions: Extensions
    public var citation: String
    public var validFrom: CivilDate
    public var validTo: CivilDate?

    public init(key: String, event: String, kinds: [CaseKind], stage: Stage, secondRound: Bool = false, limit: Int, complexLimit: Int? = nil,
                remoteLimit: Int? = nil, remoteComplexLimit: Int? = nil, dayKind: DayKind, extensions: Extensions = .none,
                citation: String, validFrom: CivilDate, validTo: CivilDate? = nil) {
        self.key = key
        self.event = event
        self.kinds = kinds
        self.stage = stage
        self.secondRound = secondRound
        self.limit = limit
        self.complexLimit = complexLimit
        self.remoteLimit = remoteLimit
        self.remoteComplexLimit = remoteComplexLimit
        self.dayKind = dayKind
        self.extensions = extensions
        self.citation = citation
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public var maxExtensions: Int { max(extensions.whenComplex, extensions.whenVeryComplex) }

    public func isInForce(on date: CivilDate) -> Bool {
        validFrom <= date && (validTo.map { date <= $0 } ?? true)
    }

    /// The circumstances that lengthen a limit.
    public struct Circumstances: Sendable, Equatable {
        public var complexity: CaseComplexity
        public var remote: Bool

        public init(complexity: CaseComplexity = .ordinary, remote: Bool = false) {
            self.complexity = complexity
            self.remote = remote
        }
    }

    public func limit(given circumstances: Circumstances) -> Int {
        let complex = circumstances.complexity != .ordinary
        switch (circumstances.remote, complex) {
        case (true, true): return remoteComplexLimit ?? remoteLimit ?? complexLimit ?? limit
        case (true, false): return remoteLimit ?? limit
        case (false, true): return complexLimit ?? limit
        case (false, false): return limit
        }
    }

    /// The last day to act, counted from the day after the event. A limit in calendar days that
    /// ends on a day off ends on the next working day (Bộ luật Dân sự 2015, Điều 148); a limit in
    /// working days counts only working days. Each extension adds its days to the previous end.
    public func due(from event: CivilDate, given circumstances: Circumstances = .init(), extensions used: Int = 0,
                    calendar: WorkCalendar) -> CivilDate {
        var end = count(limit(given: circumstances), from: event, calendar: calendar)
        for _ in 0..<max(0, used) where extensions.days > 0 {
            end = count(extensions.days, from: end, calendar: calendar)
        }
        return end
    }

    private func count(_ days: Int, from start: CivilDate, calendar: WorkCalendar) -> CivilDate {
        switch dayKind {
        case .calendar: calendar.workingDay(onOrAfter: start.adding(days: days))
        case .working: calendar.adding(workingDays: days, to: start)
        }
    }
}
