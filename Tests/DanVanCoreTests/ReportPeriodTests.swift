import Testing
@testable import DanVanCore

@Suite("Report periods")
struct ReportPeriodTests {
    @Test("the four codes read back with their Vietnamese labels and months",
          arguments: [("2025-03", "Tháng 3/2025", 3, 3), ("2025-Q1", "Quý I/2025", 1, 3), ("2025-Q4", "Quý IV/2025", 10, 12),
                      ("2025-H1", "6 tháng đầu năm 2025", 1, 6), ("2025-H2", "6 tháng cuối năm 2025", 7, 12), ("2025", "Năm 2025", 1, 12)])
    func codes(code: String, label: String, first: Int, last: Int) throws {
        let period = try #require(ReportPeriod(code: code))
        #expect(period.label == label)
        #expect(period.code == code)
        #expect(period.firstMonth == first && period.lastMonth == last)
    }

    @Test("periods that do not exist are refused", arguments: ["2025-13", "2025-00", "2025-Q5", "2025-H3", "25-03", "2025-", "2025-3x", "", "abcd", "2025-03-01"])
    func refused(code: String) {
        #expect(ReportPeriod(code: code) == nil)
    }

    @Test("the deadline counts days after the last day, across months and leap years")
    func deadline() throws {
        let february = try #require(ReportPeriod(code: "2024-02"))
        #expect(february.lastDay.description == "2024-02-29")
        #expect(february.deadline(afterDays: 5).description == "2024-03-05")
        #expect(try #require(ReportPeriod(code: "2025-H2")).deadline(afterDays: 10).description == "2026-01-10")
    }

    @Test("the period before January is December of the year before; quarters contain their months")
    func previousAndContains() throws {
        #expect(try #require(ReportPeriod(code: "2025-01")).previous.code == "2024-12")
        #expect(try #require(ReportPeriod(code: "2025-Q1")).previous.code == "2024-Q4")
        let half = try #require(ReportPeriod(code: "2025-H1"))
        #expect(half.contains(try #require(ReportPeriod(code: "2025-06"))))
        #expect(!half.contains(try #require(ReportPeriod(code: "2025-07"))))
        #expect(ReportFrequency.quarter.periods(in: 2025).map(\.code) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
    }

    @Test("day arithmetic steps one day at a time across leap days and new years")
    func dayNumbers() throws {
        #expect(try #require(CivilDate(year: 1970, month: 1, day: 1)).dayNumber == 0)
        var date = try #require(CivilDate(year: 1999, month: 12, day: 25))
        for _ in 0..<800 {
            let next = date.adding(days: 1)
            #expect(next.dayNumber == date.dayNumber + 1)
            #expect(next > date)
            date = next
        }
        #expect(date.description == "2002-03-04")
    }
}
