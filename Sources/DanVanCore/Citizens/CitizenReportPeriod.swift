import Foundation

/// The periods the rules ask citizen reception to be reported for (Quy định 11-QĐi/TW): each
/// month, the first quarter, six months, nine months and the year, counted in calendar months.
public struct CitizenReportPeriod: Sendable, Equatable {
    public enum Span: Sendable, Equatable {
        case month(Int)
        case firstQuarter
        case sixMonths
        case nineMonths
        case year
    }

    public var year: Int
    public var span: Span

    public init(year: Int, span: Span) {
        self.year = year
        self.span = span
    }

    /// "2026-03" or "3" for a month, "q1", "6t", "9t", "nam"; anything else is the year.
    public init(parsing text: String, year: Int) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        self.year = year
        switch trimmed {
        case "q1", "quy1": span = .firstQuarter
        case "6t", "6thang": span = .sixMonths
        case "9t", "9thang": span = .nineMonths
        default:
            let parts = trimmed.split(separator: "-")
            if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) {
                self.year = y
                span = .month(m)
            } else if let m = Int(trimmed), (1...12).contains(m) {
                span = .month(m)
            } else {
                span = .year
            }
        }
    }

    public var key: String {
        switch span {
        case .month(let m): String(format: "%04d-%02d", year, m)
        case .firstQuarter: "\(year)-q1"
        case .sixMonths: "\(year)-6t"
        case .nineMonths: "\(year)-9t"
        case .year: "\(year)"
        }
    }

    public var label: String {
        switch span {
        case .month(let m): "tháng \(m) năm \(year)"
        case .firstQuarter: "quý I năm \(year)"
        case .sixMonths: "6 tháng đầu năm \(year)"
        case .nineMonths: "9 tháng năm \(year)"
        case .year: "năm \(year)"
        }
    }

    public var lastMonth: Int {
        switch span {
        case .month(let m): m
        case .firstQuarter: 3
        case .sixMonths: 6
        case .nineMonths: 9
        case .year: 12
        }
    }

    public var from: CivilDate {
        let month = if case .month(let m) = span { m } else { 1 }
        return CivilDate(year: year, month: month, day: 1) ?? CivilDate(year: 2000, month: 1, day: 1)!
    }

    public var through: CivilDate {
        CivilDate(year: year, month: lastMonth, day: CivilDate.daysIn(month: lastMonth, year: year)) ?? from
    }

    /// The periods of a year a report may be asked for, for a chooser.
    public static func all(in year: Int) -> [CitizenReportPeriod] {
        (1...12).map { CitizenReportPeriod(year: year, span: .month($0)) }
            + [.init(year: year, span: .firstQuarter), .init(year: year, span: .sixMonths), .init(year: year, span: .nineMonths), .init(year: year, span: .year)]
    }
}
