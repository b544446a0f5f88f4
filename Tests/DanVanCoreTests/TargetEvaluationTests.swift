import Testing
@testable import DanVanCore

@Suite("Target evaluation")
struct TargetEvaluationTests {
    static let over85 = Threshold(.gt, 85, measure: .percent)
    static let atLeast95 = Threshold(.ge, 95, measure: .percent)

    @Test("exactly 85% does not meet 'trên 85%'; a little more does")
    func strictlyAbove() {
        #expect(TargetEvaluation.evaluate(Self.over85, .ratio(numerator: 85, denominator: 100)).status == .notMet)
        #expect(TargetEvaluation.evaluate(Self.over85, .ratio(numerator: 17, denominator: 20)).status == .notMet)
        #expect(TargetEvaluation.evaluate(Self.over85, .ratio(numerator: 86, denominator: 100)).status == .met)
    }

    @Test("95 meets '95% trở lên', 94 does not; 19 of 20 is exactly 95")
    func atLeast() {
        #expect(TargetEvaluation.evaluate(Self.atLeast95, .ratio(numerator: 95, denominator: 100)).status == .met)
        #expect(TargetEvaluation.evaluate(Self.atLeast95, .ratio(numerator: 19, denominator: 20)).status == .met)
        #expect(TargetEvaluation.evaluate(Self.atLeast95, .ratio(numerator: 94, denominator: 100)).status == .notMet)
    }

    @Test("a denominator of zero, no value, and a threshold not yet given are not enough data")
    func notEnoughData() {
        let zero = TargetEvaluation.evaluate(Self.over85, .ratio(numerator: 0, denominator: 0))
        #expect(zero.status == .noData && zero.explanation.contains("Mẫu số bằng 0"))
        #expect(TargetEvaluation.evaluate(Self.over85, nil).status == .noData)
        #expect(TargetEvaluation.evaluate(Threshold(.ge, nil, measure: .percent), .ratio(numerator: 1, denominator: 1)).status == .noData)
        #expect(TargetEvaluation.evaluate(Self.over85, .count(3)).status == .noData, "a count cannot answer a percent target")
        #expect(TargetEvaluation.evaluate(Threshold(.ge, 1, measure: .percent), .childCoverage(meeting: 0, of: 0)).status == .noData)
    }

    @Test("every comparator at, below and above its figure",
          arguments: [
            (TargetComparator.gt, 5.0, [false, false, true]), (.ge, 5.0, [false, true, true]), (.eq, 5.0, [false, true, true]),
            (.le, 5.0, [true, true, false]), (.lt, 5.0, [true, false, false]), (.eq, 0.0, [true, true, false]),
          ])
    func comparators(comparator: TargetComparator, value: Double, expected: [Bool]) {
        let threshold = Threshold(comparator, value, measure: .count)
        for (figure, met) in zip([value - 1, value, value + 1], expected) {
            #expect((TargetEvaluation.evaluate(threshold, .count(figure)).status == .met) == met, "\(comparator) \(value) with \(figure)")
        }
    }

    @Test("between includes both ends")
    func between() {
        let oneToTwo = Threshold(.between, 1, upper: 2, measure: .count)
        #expect([0.0, 1, 2, 3].map { TargetEvaluation.evaluate(oneToTwo, .count($0)).status } == [.notMet, .met, .met, .notMet])
    }

    @Test("coverage of child units and yes/no answers; the explanation shows the deciding figures")
    func coverageAndYesNo() {
        let all = Threshold(.eq, 100, measure: .percent)
        let partial = TargetEvaluation.evaluate(all, .childCoverage(meeting: 9, of: 10))
        #expect(partial.status == .notMet && partial.figure == 90)
        #expect(partial.explanation == "9/10 đơn vị = 90% so với chỉ tiêu 100%.")
        #expect(TargetEvaluation.evaluate(all, .childCoverage(meeting: 10, of: 10)).status == .met)
        #expect(TargetEvaluation.evaluate(all, .yesNo(true)).status == .met)
        #expect(TargetEvaluation.evaluate(Threshold(.ge, 1, measure: .count), .yesNo(false)).status == .notMet)
        #expect(TargetEvaluation.evaluate(Self.over85, .ratio(numerator: 172, denominator: 200)).explanation
                == "172/200 = 86% so với chỉ tiêu trên 85%.")
    }

    @Test("thresholds that cannot be targets are named")
    func problems() {
        #expect(Threshold(.ge, 120, measure: .percent).problem == "Chỉ tiêu theo tỷ lệ không thể vượt 100%.")
        #expect(Threshold(.between, 3, upper: 1, measure: .count).problem == "Mức dưới (3) lớn hơn mức trên (1).")
        #expect(Threshold(.ge, 120, measure: .count).problem == nil)
        #expect(Threshold(.gt, 85, measure: .percent).problem == nil)
    }

    @Test("a child target inside its parent's range asks at least as much")
    func strictness() throws {
        func range(_ c: TargetComparator, _ v: Double, _ u: Double? = nil) throws -> FigureRange {
            try #require(Threshold(c, v, upper: u, measure: .percent).range)
        }
        let parent = try range(.gt, 85)
        #expect(try !range(.ge, 80).isInside(parent), "80% trở lên is weaker than trên 85%")
        #expect(try !range(.ge, 85).isInside(parent), "85% trở lên lets 85 through, which trên 85% does not")
        #expect(try range(.gt, 85).isInside(parent))
        #expect(try range(.ge, 90).isInside(parent))
        #expect(try range(.eq, 100).isInside(parent))
        #expect(try range(.ge, 85).isInside(try range(.ge, 85)))
        #expect(try !range(.le, 2).isInside(try range(.le, 1)))
        #expect(try range(.between, 1, 2).isInside(try range(.ge, 1)))
    }

    @Test("the likely indicator is offered from the target's words")
    func suggestions() {
        func target(_ text: String, _ subject: String, _ unit: TargetMeasure) -> ParsedTarget {
            ParsedTarget(text: text, comparator: .eq, value: 100, upper: nil, unit: unit, subject: subject, line: 1)
        }
        let models = IndicatorSuggestion.suggest(for: target("100% các chi bộ trực thuộc xây dựng được 01 mô hình",
                                                             "các chi bộ trực thuộc xây dựng được 01 mô hình “Dân vận khéo”", .percent))
        // Targets about "Dân vận khéo" models are counted from the register, each cell needing one.
        #expect(models.kind == .modelPerUnit && models.perUnit == Threshold(.ge, 1, measure: .count))
        let hotspots = IndicatorSuggestion.suggest(for: target("100% các thôn không để xảy ra điểm nóng", "các thôn không để xảy ra điểm nóng", .percent))
        #expect(hotspots.kind == .childCoverage && hotspots.perUnit == Threshold(.eq, 0, measure: .count))
        #expect(IndicatorSuggestion.suggest(for: target("trên 85% cán bộ được tập huấn", "cán bộ được tập huấn", .percent)).kind == .trainedShare,
                "a share of cadres trained is counted from the rosters")
        #expect(IndicatorSuggestion.suggest(for: target("trên 85% hộ dân được tuyên truyền", "hộ dân được tuyên truyền", .percent)).kind == .ratio)
        #expect(IndicatorSuggestion.suggest(for: target("100% khu dân cư tổ chức tập huấn", "khu dân cư tổ chức tập huấn", .percent)).kind != .trainedShare,
                "a share of units that held training is not a share of people")
        #expect(IndicatorSuggestion.suggest(for: target("ít nhất 02 cuộc đối thoại", "cuộc đối thoại", .count)).kind == .count)
        #expect(IndicatorSuggestion.suggest(for: target("100% xã thực hiện công khai đúng quy định", "xã thực hiện công khai đúng quy định", .percent)).kind
                == .publicationShare, "publishing to the people is counted from the publication register")
        #expect(IndicatorSuggestion.suggest(for: target("100% thôn có bảng tin công cộng", "thôn có bảng tin công cộng", .percent)).kind != .publicationShare)
    }
}
