/// How often a plan's units report: each month, quarter, half-year, or once a year.
public enum ReportFrequency: String, Codable, Sendable, CaseIterable {
    case month
    case quarter
    case half
    case year

    public var monthsPerPeriod: Int {
        switch self {
        case .month: 1
        case .quarter: 3
        case .half: 6
        case .year: 12
        }
    }

    public var label: String {
        switch self {
        case .month: "Hằng tháng"
        case .quarter: "Hằng quý"
        case .half: "6 tháng một lần (sơ kết, tổng kết)"
        case .year: "Hằng năm (tổng kết)"
        }
    }

    /// Every period of this frequency in a year, in order.
    public func periods(in year: Int) -> [ReportPeriod] {
        let count = 12 / monthsPerPeriod
        return (1...count).compactMap { ReportPeriod(frequency: self, year: year, index: $0) }
    }
}
