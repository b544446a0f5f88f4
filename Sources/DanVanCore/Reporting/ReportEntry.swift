/// One indicator's figures in a unit's report, as typed.
public struct ReportEntryInput: Sendable {
    public let indicatorID: Int
    public let indicatorName: String
    public let kind: IndicatorKind
    /// The numerator, the count, or yes/no ("có", "1").
    public let numerator: String
    /// Only for ratios.
    public let denominator: String
    public let comment: String

    public init(indicatorID: Int, indicatorName: String, kind: IndicatorKind,
                numerator: String, denominator: String = "", comment: String = "") {
        self.indicatorID = indicatorID
        self.indicatorName = indicatorName
        self.kind = kind
        self.numerator = numerator
        self.denominator = denominator
        self.comment = comment
    }

    /// Form field names, so a problem shows beside its field.
    public var numeratorField: String { "v\(indicatorID)_num" }
    public var denominatorField: String { "v\(indicatorID)_den" }

    /// "v12_num" → 12: the indicator a form field belongs to; nil for any other field.
    public static func indicatorID(inField field: String?) -> Int? {
        guard let field, field.hasPrefix("v"), let end = field.firstIndex(of: "_") else { return nil }
        return Int(field[field.index(after: field.startIndex)..<end])
    }
}

/// Checked figures, ready to store. Counts and child coverage store the count as numerator;
/// yes/no stores 1 or 0. A nil numerator means nothing was entered.
public struct ReportEntry: Equatable, Sendable {
    public let indicatorID: Int
    public let numerator: Int?
    public let denominator: Int?
    public let comment: String

    public init(indicatorID: Int, numerator: Int?, denominator: Int?, comment: String) {
        self.indicatorID = indicatorID
        self.numerator = numerator
        self.denominator = denominator
        self.comment = comment
    }

    public var isEmpty: Bool { numerator == nil && denominator == nil }
}
