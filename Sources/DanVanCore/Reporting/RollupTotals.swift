/// One indicator summed over a unit's subtree. Percentages are never averaged: a ratio rolls
/// up as the sum of numerators over the sum of denominators.
public struct RollupTotals: Equatable, Sendable {
    /// Sum of numerators (counts; "yes" answers for yes/no).
    public var numerator: Int
    /// Sum of denominators (ratios only).
    public var denominator: Int
    /// How many units' figures are in the sums.
    public var reporting: Int
    /// Child coverage: direct child units whose figure reaches the per-unit level, and those counted.
    public var childrenMeeting: Int
    public var childrenCounted: Int

    public init(numerator: Int = 0, denominator: Int = 0, reporting: Int = 0, childrenMeeting: Int = 0, childrenCounted: Int = 0) {
        self.numerator = numerator
        self.denominator = denominator
        self.reporting = reporting
        self.childrenMeeting = childrenMeeting
        self.childrenCounted = childrenCounted
    }

    public static let zero = RollupTotals()

    /// Sums, not coverage: coverage belongs to one node's own children.
    public static func + (lhs: RollupTotals, rhs: RollupTotals) -> RollupTotals {
        RollupTotals(numerator: lhs.numerator + rhs.numerator, denominator: lhs.denominator + rhs.denominator,
                     reporting: lhs.reporting + rhs.reporting,
                     childrenMeeting: lhs.childrenMeeting, childrenCounted: lhs.childrenCounted)
    }

    public static func - (lhs: RollupTotals, rhs: RollupTotals) -> RollupTotals {
        RollupTotals(numerator: lhs.numerator - rhs.numerator, denominator: lhs.denominator - rhs.denominator,
                     reporting: lhs.reporting - rhs.reporting,
                     childrenMeeting: lhs.childrenMeeting, childrenCounted: lhs.childrenCounted)
    }

    /// The value to evaluate targets with, or nil when no unit reported.
    /// A single unit's yes/no stays yes/no; over several units it is the share answering yes.
    /// Coverage at a unit with no children counted is whether the unit itself reaches the level.
    public func value(_ kind: IndicatorKind, level: PerUnitLevel?) -> IndicatorValue? {
        guard reporting > 0 else { return nil }
        switch kind {
        case .ratio:
            return .ratio(numerator: Double(numerator), denominator: Double(denominator))
        case .count:
            return .count(Double(numerator))
        case .yesNo:
            return reporting == 1 ? .yesNo(numerator > 0) : .ratio(numerator: Double(numerator), denominator: Double(reporting))
        case .childCoverage:
            if childrenCounted > 0 { return .childCoverage(meeting: childrenMeeting, of: childrenCounted) }
            let meets = (level ?? .atLeastOne).contains(numerator)
            return .childCoverage(meeting: meets ? 1 : 0, of: 1)
        case .modelShare, .modelPerUnit, .modelsRegistered, .modelsRecognised, .gradeShare, .ownGrade, .trainedShare, .publicationShare, .boardCoverage:
            // Counted from a register or the classification, not from reports.
            return nil
        }
    }
}
