/// The figures that meet a target, as an interval with open or closed ends; nil ends are
/// unbounded. Used to tell whether a lower plan's target asks less than the one it implements.
public struct FigureRange: Equatable, Sendable {
    public enum Bound: Equatable, Sendable {
        case open(Double)
        case closed(Double)

        var value: Double {
            switch self { case .open(let value), .closed(let value): value }
        }

        var isClosed: Bool {
            if case .closed = self { return true }
            return false
        }
    }

    public let lower: Bound?
    public let upper: Bound?

    /// Figures compare with a little slack: 17 of 20 is 85% though floating point says 85.00000000000001.
    static let tolerance = 1e-9

    public func contains(_ figure: Double) -> Bool {
        if let lower {
            let above = figure - lower.value
            if lower.isClosed ? above < -Self.tolerance : above <= Self.tolerance { return false }
        }
        if let upper {
            let below = upper.value - figure
            if upper.isClosed ? below < -Self.tolerance : below <= Self.tolerance { return false }
        }
        return true
    }

    /// Whether every figure meeting `self` also meets `other`: a child target inside its parent's
    /// range asks at least as much.
    public func isInside(_ other: FigureRange) -> Bool {
        Self.lowerInside(lower, other.lower) && Self.upperInside(upper, other.upper)
    }

    private static func lowerInside(_ mine: Bound?, _ theirs: Bound?) -> Bool {
        guard let theirs else { return true }
        guard let mine else { return false }
        if abs(mine.value - theirs.value) <= tolerance { return theirs.isClosed || !mine.isClosed }
        return mine.value > theirs.value
    }

    private static func upperInside(_ mine: Bound?, _ theirs: Bound?) -> Bool {
        guard let theirs else { return true }
        guard let mine else { return false }
        if abs(mine.value - theirs.value) <= tolerance { return theirs.isClosed || !mine.isClosed }
        return mine.value < theirs.value
    }
}
