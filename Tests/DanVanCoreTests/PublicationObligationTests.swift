import Testing
@testable import DanVanCore

/// What a commune owes on a day, from the statutory list alone: no database.
@Suite("Publication obligations")
struct PublicationObligationTests {
    static let rules = PublicationRule.shipped

    @Test("a quarter is due 15 days after it ends; published before is on time, after is late, missing past the day is overdue")
    func quarterly() {
        let posted = [PublicationObligation.Posted(ruleCode: "ns-thuchien", periodKey: "2026-Q1", startsOn: .literal("2026-04-10")),
                      PublicationObligation.Posted(ruleCode: "ns-thuchien", periodKey: "2026-Q2", startsOn: .literal("2026-07-20"))]
        let owed = PublicationObligation.owed(rules: Self.rules.filter { $0.code == "ns-thuchien" }, posted: posted, on: .literal("2026-10-20"))
        let states = Dictionary(uniqueKeysWithValues: owed.map { ($0.period.key, $0.state) })
        #expect(states == ["2025-Q4": .overdue, "2026-Q1": .onTime, "2026-Q2": .late, "2026-Q3": .overdue])
        #expect(owed.first { $0.period.key == "2026-Q3" }?.dueOn == .literal("2026-10-15"))
        let compliance = PublicationCompliance(owed, on: .literal("2026-10-20"))
        #expect(compliance.due == 4 && compliance.onTime == 1 && compliance.late == 1 && compliance.missing == 2 && compliance.percentOnTime == 25)
    }

    @Test("a unit that began in July owes nothing for the periods before it; a deadline within the lookahead is due, not overdue")
    func newUnitAndLookahead() {
        let owed = PublicationObligation.owed(rules: Self.rules, posted: [], on: .literal("2026-01-05"), unitFrom: .literal("2026-01-01"))
        #expect(!owed.contains { $0.period.starts.year == 2025 }, "periods of 2025 ended before the unit existed")
        #expect(owed.contains { $0.rule.code == "ktxh-kehoach" && $0.state == .due }, "the year's plan is due by 1 February")
        #expect(owed.allSatisfy { $0.state == .due })
    }

    @Test("a day at the edge of the calendar owes nothing for a year dates cannot hold, and does not trap")
    func calendarEdge() {
        let owed = PublicationObligation.owed(rules: Self.rules, posted: [], on: .literal("1900-03-01"))
        #expect(!owed.contains { $0.period.starts.year == 1899 })
        #expect(PublicationFrequency.quarterly.periods(of: 1899).isEmpty && PublicationFrequency.yearly.periods(of: 2201).isEmpty)
    }

    @Test("a period key reads back; a quarter key does not fit a yearly item")
    func periods() {
        #expect(PublicationPeriod(key: "2026-Q3")?.label == "Quý III/2026" && PublicationPeriod(key: "2026-Q3")?.ends == .literal("2026-09-30"))
        #expect(PublicationPeriod(key: "2026-Q5") == nil && PublicationPeriod(key: "26") == nil)
        #expect(!PublicationFrequency.yearly.periods(of: 2026).contains(PublicationPeriod(key: "2026-Q1")!))
    }

    @Test("the rule's requirements beyond the record are named")
    func shortcomings() throws {
        let land = try #require(Self.rules.first { $0.code == "dat-thuhoi" })
        let notes = PublicationCheck.shortcomings(rule: land, forms: ["tru_so"], startsOn: .literal("2026-09-01"), endsOn: .literal("2026-09-10"),
                                                  loudspeakerDays: nil)
        #expect(notes.count == 3 && notes[0].contains("10 ngày, ít hơn 30 ngày") && notes[1].contains("loa") && notes[2].contains("truyền thanh"))
        #expect(PublicationCheck.shortcomings(rule: land, forms: ["tru_so", "loa"], startsOn: .literal("2026-09-01"), endsOn: nil, loudspeakerDays: 3).isEmpty)
    }

    @Test("a vote passes with more than half of the households, not half")
    func votes() {
        let rule = ConsultationRule.shipped
        #expect(rule.passes(votesFor: 21, households: 40) && !rule.passes(votesFor: 20, households: 40) && !rule.passes(votesFor: 0, households: 0))
        #expect(rule.isShort(from: .literal("2026-09-01"), to: .literal("2026-09-19")) && !rule.isShort(from: .literal("2026-09-01"), to: .literal("2026-09-20")))
    }
}
