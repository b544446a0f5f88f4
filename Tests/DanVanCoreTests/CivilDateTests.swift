import Testing
@testable import DanVanCore

@Suite("Civil dates")
struct CivilDateTests {
    @Test("ISO and Vietnamese spellings parse to the same day")
    func parses() {
        #expect(CivilDate(parsing: "2025-07-01") == CivilDate(year: 2025, month: 7, day: 1))
        #expect(CivilDate(parsing: "01/07/2025") == CivilDate(year: 2025, month: 7, day: 1))
        #expect(CivilDate(parsing: "1/7/2025") == CivilDate(year: 2025, month: 7, day: 1))
        #expect(CivilDate(parsing: "2025-07-01")?.vietnamese == "01/07/2025")
    }

    @Test("impossible dates are refused", arguments: ["2025-02-29", "31/04/2025", "2025-13-01", "hôm qua", "", "2025-7"])
    func refuses(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test("leap days and order")
    func leapAndOrder() throws {
        #expect(CivilDate(parsing: "29/02/2024") != nil)
        let before = try #require(CivilDate(parsing: "30/06/2025"))
        let after = try #require(CivilDate(parsing: "01/07/2025"))
        #expect(before < after)
        #expect(before.description < after.description, "stored text sorts as dates do")
    }
}
