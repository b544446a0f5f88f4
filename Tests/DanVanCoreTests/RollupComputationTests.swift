import Testing
@testable import DanVanCore

@Suite("Roll-up arithmetic")
struct RollupComputationTests {
    /// Province 1 ← commune 2 ← cells 4, 5; province 1 ← commune 3 ← cell 6. The database's
    /// part (sums of each parent's children's own figures) is written out by hand.
    func province() -> RollupComputation {
        var computation = RollupComputation(kinds: [.ratio, .childCoverage], levels: [nil, .atLeastOne])
        computation.parents = [1: nil, 2: 1, 3: 1]
        computation.own = [1: [RollupTotals(numerator: 9, denominator: 10, reporting: 1), .zero],
                           2: [RollupTotals(numerator: 1, denominator: 10, reporting: 1), RollupTotals(numerator: 0, reporting: 1)]]
        // cells 4 (17/20, 1 model) and 5 (3/20, 0 models) under 2; cell 6 (50/50, 2 models) under 3
        computation.childSums = [2: [RollupTotals(numerator: 20, denominator: 40, reporting: 2),
                                     RollupTotals(numerator: 1, reporting: 2, childrenMeeting: 1, childrenCounted: 2)],
                                 3: [RollupTotals(numerator: 50, denominator: 50, reporting: 1),
                                     RollupTotals(numerator: 2, reporting: 1, childrenMeeting: 1, childrenCounted: 1)],
                                 1: [RollupTotals(numerator: 1, denominator: 10, reporting: 1),
                                     RollupTotals(numerator: 0, reporting: 1, childrenMeeting: 0, childrenCounted: 1)]]
        return computation
    }

    @Test("a ratio is summed numerators over summed denominators, never an average of percentages")
    func ratioSums() throws {
        let totals = province().totals()
        let top = try #require(totals[1])[0]
        #expect(top.numerator == 9 + 1 + 20 + 50 && top.denominator == 10 + 10 + 40 + 50)
        #expect(top.reporting == 5)
        #expect(top.value(.ratio, level: nil) == .ratio(numerator: 80, denominator: 110))
        #expect(try #require(totals[2])[0].value(.ratio, level: nil) == .ratio(numerator: 21, denominator: 50))
    }

    @Test("coverage counts direct children reaching the level by their subtree's figure")
    func coverage() throws {
        let totals = province().totals()
        #expect(try #require(totals[2])[1].value(.childCoverage, level: .atLeastOne) == .childCoverage(meeting: 1, of: 2))
        // commune 2 had 0 own models but 1 below it, so it counts as meeting at the province; commune 3 has 2.
        #expect(try #require(totals[1])[1].value(.childCoverage, level: .atLeastOne) == .childCoverage(meeting: 2, of: 2))
    }

    @Test("no figures means no value, not zero")
    func noData() {
        #expect(RollupTotals.zero.value(.ratio, level: nil) == nil)
        #expect(RollupTotals.zero.value(.count, level: nil) == nil)
    }

    @Test("a per-unit level reads the count bounds of its threshold")
    func levels() throws {
        #expect(PerUnitLevel(Threshold(.ge, 1, measure: .count)) == PerUnitLevel(lowest: 1, highest: Int(Int32.max)))
        #expect(PerUnitLevel(Threshold(.gt, 1, measure: .count))?.lowest == 2)
        #expect(PerUnitLevel(Threshold(.eq, 0, measure: .count)) == PerUnitLevel(lowest: 0, highest: 0))
        let between = try #require(PerUnitLevel(Threshold(.between, 1, upper: 2, measure: .count)))
        #expect(between.contains(1) && between.contains(2) && !between.contains(3) && !between.contains(0))
    }

    @Test("completeness counts submitted, approved, late and missing")
    func completeness() {
        var counts = CompletenessCounts()
        counts.count(.approved, late: false)
        counts.count(.submitted, late: true)
        counts.count(.returned, late: false)
        counts.count(nil, late: false)
        #expect(counts == CompletenessCounts(expected: 4, submitted: 2, approved: 1, onTime: 1, late: 1))
        #expect(counts.missing == 2 && counts.submittedPercent == 50)
    }
}
