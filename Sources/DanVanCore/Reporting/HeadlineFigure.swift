/// The one number a reader compares: a percentage for ratios and coverage, the count for
/// counts, 100 or 0 for a single yes/no.
public enum HeadlineFigure {
    public static func percent(_ value: IndicatorValue?) -> Double? {
        switch value {
        case .ratio(let numerator, let denominator)?: denominator > 0 ? numerator * 100 / denominator : nil
        case .childCoverage(let meeting, let of)?: of > 0 ? Double(meeting) * 100 / Double(of) : nil
        case .count(let count)?: count
        case .yesNo(let done)?: done ? 100 : 0
        case nil: nil
        }
    }

    /// "85,3%" or "12", as Vietnamese documents write figures.
    public static func shown(_ value: IndicatorValue?) -> String {
        guard let figure = percent(value) else { return "—" }
        if case .count? = value { return Threshold.format(figure) }
        return Threshold.format((figure * 10).rounded() / 10).replacingOccurrences(of: ".", with: ",") + "%"
    }
}
