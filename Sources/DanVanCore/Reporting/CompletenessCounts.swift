/// Of the reports expected from a set of units for a period: how many were submitted (approved
/// ones included), approved, on time, late, and how many are still missing.
public struct CompletenessCounts: Equatable, Sendable, Codable {
    public var expected = 0
    public var submitted = 0
    public var approved = 0
    public var onTime = 0
    public var late = 0

    public init(expected: Int = 0, submitted: Int = 0, approved: Int = 0, onTime: Int = 0, late: Int = 0) {
        self.expected = expected
        self.submitted = submitted
        self.approved = approved
        self.onTime = onTime
        self.late = late
    }

    public var missing: Int { expected - submitted }

    /// Counts of several periods together (a year's twelve monthly reports).
    public static func + (left: CompletenessCounts, right: CompletenessCounts) -> CompletenessCounts {
        CompletenessCounts(expected: left.expected + right.expected, submitted: left.submitted + right.submitted,
                           approved: left.approved + right.approved, onTime: left.onTime + right.onTime, late: left.late + right.late)
    }

    /// Submitted of expected, in whole percent; nil when nothing was expected.
    public var submittedPercent: Int? {
        guard expected > 0 else { return nil }
        return Int((Double(submitted) * 100 / Double(expected)).rounded())
    }

    /// Counts `times` expected reports alike: their state (nil when never started) and
    /// whether they came late.
    public mutating func count(_ state: ReportState?, late isLate: Bool, times: Int = 1) {
        expected += times
        guard let state, state == .submitted || state == .approved else { return }
        submitted += times
        if state == .approved { approved += times }
        if isLate { late += times } else { onTime += times }
    }
}
