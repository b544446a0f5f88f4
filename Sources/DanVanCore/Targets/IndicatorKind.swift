/// How an indicator is measured, and so what a unit reports for it.
public enum IndicatorKind: String, Codable, Sendable, CaseIterable {
    /// Numerator over denominator: cadres trained of cadres in charge.
    case ratio
    /// A number: dialogues held, models registered.
    case count
    /// Done or not: a steering committee set up.
    case yesNo = "yes_no"
    /// The share of child units whose own count meets a per-unit threshold:
    /// "100% các chi bộ trực thuộc xây dựng được 01 mô hình".
    case childCoverage = "child_coverage"

    public var label: String {
        switch self {
        case .ratio: "Tỷ lệ (tử số / mẫu số)"
        case .count: "Số lượng"
        case .yesNo: "Có / không"
        case .childCoverage: "Tỷ lệ đơn vị trực thuộc đạt"
        }
    }
}

/// What was reported (or rolled up) for one indicator at one unit and period.
public enum IndicatorValue: Equatable, Sendable {
    case ratio(numerator: Double, denominator: Double)
    case count(Double)
    case yesNo(Bool)
    /// Child units meeting their per-unit threshold, of the child units counted.
    case childCoverage(meeting: Int, of: Int)
}
