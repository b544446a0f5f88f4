import DanVanCore

/// Every indicator summed over a subtree for one period: totals for the root and every unit
/// with children below it.
struct RollupResult: Sendable {
    struct Indicator: Sendable, Hashable {
        let id: Int
        let name: String
        let kind: IndicatorKind
        let level: PerUnitLevel?

        static func == (lhs: Indicator, rhs: Indicator) -> Bool { lhs.id == rhs.id }
        func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    let rootID: Int
    let period: ReportPeriod
    let includesSubmitted: Bool
    let indicators: [Indicator]
    /// Units in the subtree (leaves included).
    let nodeCount: Int
    let totals: [Int: [RollupTotals]]

    func totals(of unitID: Int) -> [RollupTotals]? { totals[unitID] }

    /// The value of an indicator at a unit with children, ready to evaluate a target with.
    func value(of indicatorID: Int, at unitID: Int) -> IndicatorValue? {
        guard let index = indicators.firstIndex(where: { $0.id == indicatorID }), let row = totals[unitID] else { return nil }
        return row[index].value(indicators[index].kind, level: indicators[index].level)
    }
}
