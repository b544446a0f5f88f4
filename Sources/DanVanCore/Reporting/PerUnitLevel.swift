/// What one child unit's count must reach to count as covered ("01 mô hình" is 1 or more),
/// as whole-number bounds so that a database can test it too.
public struct PerUnitLevel: Equatable, Sendable {
    public let lowest: Int
    public let highest: Int

    public static let atLeastOne = PerUnitLevel(lowest: 1, highest: Int(Int32.max))

    public init(lowest: Int, highest: Int) {
        self.lowest = lowest
        self.highest = highest
    }

    /// From a count threshold; nil when the threshold has no figure.
    public init?(_ threshold: Threshold) {
        guard let range = threshold.range else { return nil }
        let low: Int = switch range.lower {
        case .closed(let value)?: Int(value.rounded(.up))
        case .open(let value)?: Int(value.rounded(.down)) + 1
        case nil: 0
        }
        let high: Int = switch range.upper {
        case .closed(let value)?: Int(value.rounded(.down))
        case .open(let value)?: Int(value.rounded(.up)) - 1
        case nil: Int(Int32.max)
        }
        self.init(lowest: max(0, low), highest: high)
    }

    public func contains(_ count: Int) -> Bool { (lowest...max(lowest, highest)).contains(count) && highest >= lowest }
}
