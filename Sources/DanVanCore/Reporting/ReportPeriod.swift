/// A reporting period: "2025-03" (a month), "2025-Q1", "2025-H1" or "2025" (the year).
/// Figures are reported as totals from the start of the year ("lũy kế"), so a period's figures
/// are those of the report that ends with it.
public struct ReportPeriod: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let frequency: ReportFrequency
    public let year: Int
    /// 1-based position in the year: month 1–12, quarter 1–4, half 1–2, always 1 for a year.
    public let index: Int

    public init?(frequency: ReportFrequency, year: Int, index: Int) {
        guard (1900...2200).contains(year), (1...(12 / frequency.monthsPerPeriod)).contains(index) else { return nil }
        self.frequency = frequency
        self.year = year
        self.index = index
    }

    /// Reads the codes above; nil for anything else ("2025-13", "2025-Q5", "25-03").
    public init?(code: String) {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        if parts.count == 1 {
            self.init(frequency: .year, year: year, index: 1)
            return
        }
        guard parts.count == 2 else { return nil }
        let rest = parts[1]
        let (frequency, digits): (ReportFrequency, Substring) = switch rest.first {
        case "Q", "q": (.quarter, rest.dropFirst())
        case "H", "h": (.half, rest.dropFirst())
        default: (.month, rest)
        }
        guard !digits.isEmpty, digits.count <= 2, digits.allSatisfy(\.isASCII), let index = Int(digits) else { return nil }
        self.init(frequency: frequency, year: year, index: index)
    }

    public var code: String {
        switch frequency {
        case .month: "\(year)-" + (index < 10 ? "0\(index)" : "\(index)")
        case .quarter: "\(year)-Q\(index)"
        case .half: "\(year)-H\(index)"
        case .year: "\(year)"
        }
    }

    public var description: String { code }

    public var firstMonth: Int { (index - 1) * frequency.monthsPerPeriod + 1 }
    public var lastMonth: Int { index * frequency.monthsPerPeriod }

    public var firstDay: CivilDate { CivilDate(year: year, month: firstMonth, day: 1)! }
    public var lastDay: CivilDate {
        CivilDate(year: year, month: lastMonth, day: CivilDate.daysIn(month: lastMonth, year: year))!
    }

    /// "Tháng 3/2025", "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025".
    public var label: String {
        switch frequency {
        case .month: "Tháng \(index)/\(year)"
        case .quarter: "Quý \(["I", "II", "III", "IV"][index - 1])/\(year)"
        case .half: index == 1 ? "6 tháng đầu năm \(year)" : "6 tháng cuối năm \(year)"
        case .year: "Năm \(year)"
        }
    }

    /// The last day to submit: `days` after the period ends.
    public func deadline(afterDays days: Int) -> CivilDate {
        lastDay.adding(days: days)
    }

    /// Whether `other` lies wholly inside this period (a month inside its quarter, say).
    public func contains(_ other: ReportPeriod) -> Bool {
        other.year == year && other.firstMonth >= firstMonth && other.lastMonth <= lastMonth
    }

    /// The period of the same frequency just after, across the new year.
    public var next: ReportPeriod {
        if index < 12 / frequency.monthsPerPeriod { return ReportPeriod(frequency: frequency, year: year, index: index + 1)! }
        return ReportPeriod(frequency: frequency, year: year + 1, index: 1)!
    }

    /// The period of the same frequency just before, across the new year.
    public var previous: ReportPeriod {
        if index > 1 { return ReportPeriod(frequency: frequency, year: year, index: index - 1)! }
        return ReportPeriod(frequency: frequency, year: year - 1, index: 12 / frequency.monthsPerPeriod)!
    }

    public static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool {
        (lhs.year, lhs.lastMonth, -lhs.frequency.monthsPerPeriod) < (rhs.year, rhs.lastMonth, -rhs.frequency.monthsPerPeriod)
    }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let period = ReportPeriod(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "Kỳ báo cáo \"\(code)\" không tồn tại."))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Whether a unit that exists from `from` to `to` (nil: open) exists in some part of the period.
    public func overlaps(from: CivilDate?, to: CivilDate?) -> Bool {
        if let from, lastDay < from { return false }
        if let to, to < firstDay { return false }
        return true
    }
}
