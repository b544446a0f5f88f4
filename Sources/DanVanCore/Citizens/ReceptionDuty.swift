/// The leaders who must receive citizens in person.
public enum LeaderPosition: String, Codable, Sendable, CaseIterable {
    /// Bí thư cấp ủy.
    case partySecretary
    /// Chủ tịch Ủy ban nhân dân.
    case committeeChair

    public var label: String {
        switch self {
        case .partySecretary: "Bí thư cấp ủy"
        case .committeeChair: "Chủ tịch UBND"
        }
    }

    /// The head of a unit of this kind who must receive citizens, if any.
    public static func head(of kind: UnitKind) -> LeaderPosition? {
        switch kind {
        case .partyCommittee: .partySecretary
        case .peoplesCommittee: .committeeChair
        default: nil
        }
    }
}

/// A duty to receive citizens as dated data: who, at which level, how many days in a month or a
/// week, whether a deputy may stand in, and the document that sets it.
public struct ReceptionDuty: Sendable, Equatable, Codable {
    public enum Period: String, Codable, Sendable {
        case month
        case week

        public var label: String { self == .month ? "tháng" : "tuần" }
    }

    public var key: String
    public var position: LeaderPosition
    public var level: UnitLevel
    public var minimumDays: Int
    public var period: Period
    /// Whether a session a deputy holds in the leader's place counts towards the duty.
    public var deputyCounts: Bool
    public var citation: String
    public var validFrom: CivilDate
    public var validTo: CivilDate?

    public init(key: String, position: LeaderPosition, level: UnitLevel, minimumDays: Int, period: Period, deputyCounts: Bool,
                citation: String, validFrom: CivilDate, validTo: CivilDate? = nil) {
        self.key = key
        self.position = position
        self.level = level
        self.minimumDays = minimumDays
        self.period = period
        self.deputyCounts = deputyCounts
        self.citation = citation
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public var wording: String { "Ít nhất \(minimumDays) ngày/\(period.label)" }

    public func isInForce(on date: CivilDate) -> Bool {
        validFrom <= date && (validTo.map { date <= $0 } ?? true)
    }

    public static let shipped: [ReceptionDuty] = [
        ReceptionDuty(key: "bi-thu-tinh", position: .partySecretary, level: .province, minimumDays: 1, period: .month, deputyCounts: true,
                      citation: "Quy định 11-QĐi/TW ngày 18/02/2019, sửa đổi theo Kết luận 215-KL/TW ngày 23/11/2025", validFrom: CivilDate.literal("2025-11-23")),
        ReceptionDuty(key: "bi-thu-xa", position: .partySecretary, level: .commune, minimumDays: 2, period: .month, deputyCounts: true,
                      citation: "Quy định 11-QĐi/TW ngày 18/02/2019, sửa đổi theo Kết luận 215-KL/TW ngày 23/11/2025", validFrom: CivilDate.literal("2025-11-23")),
        ReceptionDuty(key: "chu-tich-xa", position: .committeeChair, level: .commune, minimumDays: 1, period: .week, deputyCounts: true,
                      citation: "Luật Tiếp công dân 2013, Điều 15", validFrom: CivilDate.literal("2014-07-01"), validTo: CivilDate.literal("2026-06-30")),
        ReceptionDuty(key: "chu-tich-xa", position: .committeeChair, level: .commune, minimumDays: 1, period: .week, deputyCounts: false,
                      citation: "Luật Tiếp công dân 2013, Điều 15, sửa đổi theo Luật 136/2025/QH15 (không ủy quyền cho cấp phó)",
                      validFrom: CivilDate.literal("2026-07-01")),
        ReceptionDuty(key: "chu-tich-tinh", position: .committeeChair, level: .province, minimumDays: 1, period: .month, deputyCounts: true,
                      citation: "Luật Tiếp công dân 2013, Điều 13", validFrom: CivilDate.literal("2014-07-01"), validTo: CivilDate.literal("2026-06-30")),
        ReceptionDuty(key: "chu-tich-tinh", position: .committeeChair, level: .province, minimumDays: 1, period: .month, deputyCounts: false,
                      citation: "Luật Tiếp công dân 2013, Điều 13, sửa đổi theo Luật 136/2025/QH15 (không ủy quyền cho cấp phó)", validFrom: CivilDate.literal("2026-07-01")),
    ]

    /// The duty of a position at a level in force on a day.
    public static func duty(for position: LeaderPosition, level: UnitLevel, on date: CivilDate, in duties: [ReceptionDuty]) -> ReceptionDuty? {
        duties.filter { $0.position == position && $0.level == level && $0.isInForce(on: date) }.max { $0.validFrom < $1.validFrom }
    }
}

/// Whether a leader met a month's duty, from the days reception sessions were held.
public struct ReceptionDutyCheck: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case met
        case missed
        /// The month is not over and the duty can still be met.
        case running
        /// No duty in force for this position and level.
        case none
    }

    public var required: Int
    public var held: Int
    public var outcome: Outcome
    /// Sessions held by a deputy that could not count.
    public var deputySessionsNotCounted: Int

    /// `sessions` are the session days with whether a deputy held it in the leader's place.
    /// A week the calendar gives no working day (Tết) asks for no reception.
    public static func month(_ year: Int, _ month: Int, sessions: [(date: CivilDate, byDeputy: Bool)], duties: [ReceptionDuty],
                             position: LeaderPosition, level: UnitLevel, today: CivilDate, calendar: WorkCalendar = WorkCalendar(days: [])) -> ReceptionDutyCheck {
        guard let first = CivilDate(year: year, month: month, day: 1),
              let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)),
              let duty = ReceptionDuty.duty(for: position, level: level, on: last < today ? last : max(first, today), in: duties)
        else { return ReceptionDutyCheck(required: 0, held: 0, outcome: .none, deputySessionsNotCounted: 0) }
        let inMonth = sessions.filter { $0.date >= first && $0.date <= last }
        let counted = inMonth.filter { !$0.byDeputy || duty.deputyCounts }
        let days = Set(counted.map(\.date))
        let notCounted = Set(inMonth.map(\.date)).subtracting(days).count
        let over = today > last
        switch duty.period {
        case .month:
            let met = days.count >= duty.minimumDays
            return ReceptionDutyCheck(required: duty.minimumDays, held: days.count, outcome: met ? .met : (over ? .missed : .running),
                                      deputySessionsNotCounted: notCounted)
        case .week:
            // A week belongs to the month that holds its Thursday, as ISO weeks do.
            let thursdays = (first.dayNumber...last.dayNumber).compactMap(CivilDate.init(dayNumber:)).filter { WorkCalendar.weekday(of: $0) == 4 }
                .filter { thursday in (-3...1).contains { calendar.isWorkingDay(thursday.adding(days: $0)) } }
            let weeks = thursdays.map { thursday -> (met: Bool, over: Bool) in
                let monday = thursday.adding(days: -3), sunday = thursday.adding(days: 3)
                return (days.filter { $0 >= monday && $0 <= sunday }.count >= duty.minimumDays, today > sunday)
            }
            let weeksMet = weeks.filter(\.met).count
            let outcome: Outcome = weeksMet == weeks.count ? .met : (weeks.contains { !$0.met && $0.over } ? .missed : .running)
            return ReceptionDutyCheck(required: weeks.count, held: weeksMet, outcome: outcome, deputySessionsNotCounted: notCounted)
        }
    }
}

/// The commune's dialogue conference duty (Luật Tổ chức chính quyền địa phương 2025, Điều 43):
/// announced a set number of days before, results published within a set number of days after.
public struct DialogueRule: Sendable, Equatable {
    public var noticeDays: Int
    public var publishDays: Int
    public var citation: String

    public static let current = DialogueRule(noticeDays: 7, publishDays: 10,
                                             citation: "Luật Tổ chức chính quyền địa phương 2025, Điều 43 (cần kiểm tra)")

    /// Announced fewer days ahead than the rule asks, and not marked extraordinary.
    public func noticeTooShort(noticeOn: CivilDate?, heldOn: CivilDate, extraordinary: Bool) -> Bool {
        guard !extraordinary else { return false }
        guard let noticeOn else { return true }
        return heldOn.dayNumber - noticeOn.dayNumber < noticeDays
    }

    /// Results published later than the rule allows, or not yet published once that time is past.
    public func publishedLate(heldOn: CivilDate, publishedOn: CivilDate?, today: CivilDate) -> Bool {
        let limit = heldOn.adding(days: publishDays)
        if let publishedOn { return publishedOn > limit }
        return today > limit
    }
}
