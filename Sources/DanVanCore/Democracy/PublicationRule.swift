/// How often an item of the statutory list must be published.
public enum PublicationFrequency: String, CaseIterable, Sendable, Codable {
    /// When the matter arises (a land recovery project, a consultation's result): no fixed period.
    case once
    case yearly
    case halfYearly = "half_yearly"
    case quarterly

    public var label: String {
        switch self {
        case .once: "Khi phát sinh"
        case .yearly: "Hằng năm"
        case .halfYearly: "6 tháng"
        case .quarterly: "Hằng quý"
        }
    }

    /// The periods of a year this frequency asks for, in order; none for a year dates cannot hold.
    public func periods(of year: Int) -> [PublicationPeriod] {
        guard CivilDate(year: year, month: 1, day: 1) != nil else { return [] }
        return switch self {
        case .once: []
        case .yearly: [PublicationPeriod(key: "\(year)", label: "Năm \(year)", starts: .literal("\(year)-01-01"), ends: .literal("\(year)-12-31"))]
        case .halfYearly: (1...2).map { PublicationPeriod.half($0, of: year) }
        case .quarterly: (1...4).map { PublicationPeriod.quarter($0, of: year) }
        }
    }
}

/// A period a publication covers: "2026-Q3" is the third quarter of 2026.
public struct PublicationPeriod: Hashable, Sendable, Codable {
    public let key: String
    public let label: String
    public let starts: CivilDate
    public let ends: CivilDate

    static let romans = ["I", "II", "III", "IV"]

    static func quarter(_ q: Int, of year: Int) -> PublicationPeriod {
        let first = (q - 1) * 3 + 1, last = first + 2
        return PublicationPeriod(key: "\(year)-Q\(q)", label: "Quý \(romans[q - 1])/\(year)",
                                 starts: CivilDate(year: year, month: first, day: 1) ?? .literal("\(year)-01-01"),
                                 ends: CivilDate(year: year, month: last, day: CivilDate.daysIn(month: last, year: year)) ?? .literal("\(year)-12-31"))
    }

    static func half(_ h: Int, of year: Int) -> PublicationPeriod {
        h == 1
            ? PublicationPeriod(key: "\(year)-H1", label: "6 tháng đầu năm \(year)", starts: .literal("\(year)-01-01"), ends: .literal("\(year)-06-30"))
            : PublicationPeriod(key: "\(year)-H2", label: "6 tháng cuối năm \(year)", starts: .literal("\(year)-07-01"), ends: .literal("\(year)-12-31"))
    }

    /// The period a key names ("2026", "2026-H1", "2026-Q3"), or nil.
    public init?(key: String) {
        let parts = key.split(separator: "-").map(String.init)
        guard let year = parts.first.flatMap(Int.init), (1900...2200).contains(year), parts.count <= 2 else { return nil }
        if parts.count == 1 { self = PublicationFrequency.yearly.periods(of: year)[0]; return }
        switch parts[1] {
        case "Q1", "Q2", "Q3", "Q4": self = .quarter(Int(parts[1].dropFirst()) ?? 1, of: year)
        case "H1", "H2": self = .half(Int(parts[1].dropFirst()) ?? 1, of: year)
        default: return nil
        }
    }

    public init(key: String, label: String, starts: CivilDate, ends: CivilDate) {
        self.key = key
        self.label = label
        self.starts = starts
        self.ends = ends
    }
}

/// One item of the list a commune must publish to its people (Luật 10/2022/QH15, Điều 11), as the
/// rule in force says: how often, by when, in which forms, for how long. Rules are dated data: a
/// province may set its own version, and a new version never changes an old obligation's verdict.
public struct PublicationRule: Sendable, Equatable {
    public enum DueFrom: String, Sendable, Codable {
        /// Counted from the period's first day: a year's plan is published at the start of the year.
        case periodStart = "period_start"
        /// Counted from the period's last day: a quarter's budget execution after the quarter.
        case periodEnd = "period_end"
    }

    public let id: Int
    public let code: String
    public let title: String
    public let article: String
    public let frequency: PublicationFrequency
    public let dueFrom: DueFrom
    public let dueDays: Int
    public let minDays: Int
    public let loudspeakerDays: Int
    public let forms: [String]
    public let validFrom: CivilDate
    public let validTo: CivilDate?

    public init(id: Int, code: String, title: String, article: String, frequency: PublicationFrequency, dueFrom: DueFrom, dueDays: Int,
                minDays: Int, loudspeakerDays: Int, forms: [String], validFrom: CivilDate, validTo: CivilDate?) {
        self.id = id
        self.code = code
        self.title = title
        self.article = article
        self.frequency = frequency
        self.dueFrom = dueFrom
        self.dueDays = dueDays
        self.minDays = minDays
        self.loudspeakerDays = loudspeakerDays
        self.forms = forms
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func inForce(on date: CivilDate) -> Bool {
        validFrom <= date && (validTo.map { date <= $0 } ?? true)
    }

    /// The last day to publish the item for a period.
    public func due(for period: PublicationPeriod) -> CivilDate {
        (dueFrom == .periodStart ? period.starts : period.ends).adding(days: dueDays)
    }
}

/// The forms a publication may take (Điều 12): the list the rules and the register share.
public enum PublicationForm {
    public static let all: [(key: String, label: String)] = [
        ("tru_so", "Niêm yết tại trụ sở"),
        ("nha_van_hoa", "Niêm yết tại nhà văn hóa thôn, bản"),
        ("cong_tt", "Cổng/Trang thông tin điện tử"),
        ("loa", "Hệ thống truyền thanh (loa)"),
        ("truong_thon", "Qua trưởng thôn, tổ trưởng tổ dân phố"),
        ("hoi_nghi", "Tại hội nghị"),
        ("tin_nhan", "Tin nhắn, mạng xã hội"),
    ]

    public static func label(_ key: String) -> String {
        all.first { $0.key == key }?.label ?? key
    }
}

/// Who carries the duty to publish and who has a public page unless they choose otherwise.
public enum PublicationDuty {
    /// The commune's People's Committee publishes the list (Điều 11 speaks of the commune's authorities).
    public static func applies(kind: UnitKind, level: UnitLevel) -> Bool {
        kind == .peoplesCommittee && level == .commune
    }

    /// A public page is on by default for the commune's state side, off for party units and the rest.
    public static func publicPageByDefault(kind: UnitKind, level: UnitLevel) -> Bool {
        (kind == .peoplesCommittee || kind == .peoplesCouncil) && level == .commune
    }
}

extension Array where Element == PublicationRule {
    /// The version of an item that judges something dated `day`: the first in force then (a
    /// province's before the nation's), else the first known.
    public func version(of code: String, on day: CivilDate) -> PublicationRule? {
        first { $0.code == code && $0.inForce(on: day) } ?? first { $0.code == code }
    }
}
