/// What a commune owes its people on a day: each periodic item of the statutory list, for each
/// period whose deadline falls in the year, judged by the rule in force on that deadline.
public struct PublicationObligation: Sendable, Equatable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case onTime = "on_time"
        case late
        /// Not yet published and the deadline has not passed.
        case due
        case overdue

        public var label: String {
            switch self {
            case .onTime: "Đã công khai đúng hạn"
            case .late: "Công khai trễ hạn"
            case .due: "Sắp đến hạn"
            case .overdue: "Quá hạn, chưa công khai"
            }
        }

        public var isOwed: Bool { self == .due || self == .overdue }
    }

    public let rule: PublicationRule
    public let period: PublicationPeriod
    public let dueOn: CivilDate
    public let state: State
    /// The first day it was posted, when it was.
    public let publishedOn: CivilDate?

    /// A publication already recorded, as far as obligations care.
    public struct Posted: Sendable, Equatable {
        public let ruleCode: String
        public let periodKey: String
        public let startsOn: CivilDate

        public init(ruleCode: String, periodKey: String, startsOn: CivilDate) {
            self.ruleCode = ruleCode
            self.periodKey = periodKey
            self.startsOn = startsOn
        }
    }

    /// The obligations of the year of `date` whose deadline has come or comes within `lookahead`
    /// days, for a unit that exists from `unitFrom`. Of several versions of a rule, the one in
    /// force on each deadline decides.
    public static func owed(rules: [PublicationRule], posted: [Posted], on date: CivilDate, unitFrom: CivilDate? = nil,
                            lookahead: Int = 30) -> [PublicationObligation] {
        let first = CivilDate.literal("\(date.year)-01-01"), horizon = date.adding(days: lookahead)
        let byCode = Dictionary(grouping: rules, by: \.code)
        var result: [PublicationObligation] = []
        for code in orderedCodes(rules) {
            let versions = byCode[code] ?? []
            guard let frequency = versions.first?.frequency, frequency != .once else { continue }
            for year in [date.year - 1, date.year] {
                for period in frequency.periods(of: year) {
                    guard let rule = versions.first(where: { $0.inForce(on: $0.due(for: period)) }) else { continue }
                    let due = rule.due(for: period)
                    guard due >= first, due <= horizon, unitFrom.map({ $0 <= period.ends }) ?? true else { continue }
                    let published = posted.filter { $0.ruleCode == code && $0.periodKey == period.key }.map(\.startsOn).min()
                    result.append(PublicationObligation(rule: rule, period: period, dueOn: due,
                                                        state: state(published: published, due: due, today: date), publishedOn: published))
                }
            }
        }
        return result.sorted { ($0.dueOn, $0.rule.code) < ($1.dueOn, $1.rule.code) }
    }

    static func state(published: CivilDate?, due: CivilDate, today: CivilDate) -> State {
        if let published { return published <= due ? .onTime : .late }
        return due < today ? .overdue : .due
    }

    private static func orderedCodes(_ rules: [PublicationRule]) -> [String] {
        var seen = Set<String>()
        return rules.compactMap { seen.insert($0.code).inserted ? $0.code : nil }
    }
}

/// A commune's compliance so far: obligations whose deadline has passed, how many were met on time.
public struct PublicationCompliance: Sendable, Equatable, Codable {
    public let due: Int
    public let onTime: Int
    public let late: Int
    public let missing: Int

    public init(_ obligations: [PublicationObligation], on date: CivilDate) {
        let past = obligations.filter { $0.dueOn < date || $0.state == .onTime || $0.state == .late }
        due = past.count
        onTime = past.filter { $0.state == .onTime }.count
        late = past.filter { $0.state == .late }.count
        missing = past.filter { $0.state == .overdue }.count
    }

    /// On time over due, in whole percent; nil when nothing was due yet.
    public var percentOnTime: Int? {
        due == 0 ? nil : Int((Double(onTime) * 100 / Double(due)).rounded())
    }
}

/// What is wrong with a publication against its rule: shorter than the minimum, without the
/// loudspeaker days, without a required form. Shown beside it; it is still recorded.
public enum PublicationCheck {
    public static func shortcomings(rule: PublicationRule, forms: [String], startsOn: CivilDate, endsOn: CivilDate?,
                                    loudspeakerDays: Int?) -> [String] {
        var notes: [String] = []
        if rule.minDays > 0, let endsOn, endsOn.dayNumber - startsOn.dayNumber + 1 < rule.minDays {
            notes.append("Thời gian công khai \(endsOn.dayNumber - startsOn.dayNumber + 1) ngày, ít hơn \(rule.minDays) ngày theo quy định.")
        }
        if rule.loudspeakerDays > 0, (loudspeakerDays ?? 0) < rule.loudspeakerDays {
            notes.append("Cần phát trên loa ít nhất \(rule.loudspeakerDays) ngày liên tiếp.")
        }
        let missing = rule.forms.filter { !forms.contains($0) }
        if !missing.isEmpty {
            notes.append("Chưa dùng hình thức bắt buộc: \(missing.map(PublicationForm.label).joined(separator: "; ")).")
        }
        return notes
    }
}
