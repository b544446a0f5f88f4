import Testing
@testable import DanVanCore

@Suite("Task timing")
struct TaskTimingParserTests {
    @Test("month lists as the appendix writes them", arguments: [
        ("Tháng 01", [1]), ("Tháng 3, 9", [3, 9]), ("Tháng 4,10", [4, 10]), ("Tháng 6, 12", [6, 12]),
        ("Tháng 11, 12", [11, 12]), ("Tháng 02", [2]), ("Tháng 9 và tháng 10", [9, 10]), ("Tháng 1 - 3", [1, 2, 3]),
    ])
    func months(raw: String, months: [Int]) {
        let result = TaskTimingParser.parse(raw)
        #expect(result.timing.months == months)
        #expect(result.problem == nil)
        #expect(result.timing.raw == raw)
    }

    @Test("recurring and as-directed timings")
    func recurring() {
        #expect(TaskTimingParser.parse("Hàng tháng").timing.recurrence == .monthly)
        #expect(TaskTimingParser.parse("Hằng quý").timing.recurrence == .quarterly)
        #expect(TaskTimingParser.parse("Theo văn bản chỉ đạo của tỉnh").timing.asDirected)
        #expect(TaskTimingParser.parse("Quý I, III").timing.months == [3, 9])
    }

    @Test("deadlines: a month of a year ends on its last day; an explicit date is kept")
    func deadlines() {
        #expect(TaskTimingParser.parse("tháng 4/2023").timing.deadline == CivilDate(year: 2023, month: 4, day: 30))
        #expect(TaskTimingParser.parse("tháng 2/2024").timing.deadline == CivilDate(year: 2024, month: 2, day: 29))
        #expect(TaskTimingParser.parse("Trước ngày 15/6/2023").timing.deadline == CivilDate(year: 2023, month: 6, day: 15))
    }

    @Test("month 13 is reported, not kept", arguments: ["Tháng 13", "tháng 13/2023", "Tháng 3, 13"])
    func badMonth(raw: String) {
        let result = TaskTimingParser.parse(raw)
        #expect(result.problem?.contains("13") == true)
        #expect(result.timing.months.isEmpty)
    }
}
