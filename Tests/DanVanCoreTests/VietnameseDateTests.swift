import Testing
@testable import DanVanCore

@Suite("Dates as documents write them")
struct VietnameseDateTests {
    @Test("numeric and worded dates, with the spacing clerks type")
    func forms() throws {
        let cases: [(String, String, String)] = [
            ("ngày 16/01/2023 của", "2023-01-16", "16/01/2023"), ("ngày 7/2/2023", "2023-02-07", "7/2/2023"),
            ("16-01-2023", "2023-01-16", "16-01-2023"), ("ngày 03 / 6 / 2013", "2013-06-03", "03 / 6 / 2013"),
            ("Tam Đường, ngày 17 tháng 01 năm 2024", "2024-01-17", "ngày 17 tháng 01 năm 2024"),
            ("NGÀY 5 THÁNG 2 NĂM 2025", "2025-02-05", "NGÀY 5 THÁNG 2 NĂM 2025"),
        ]
        for (text, iso, written) in cases {
            let found = try #require(VietnameseDate.first(in: text), "\(text)")
            #expect(found.date.description == iso, "\(text)")
            #expect(String(text[found.range]) == written, "\(text)")
        }
    }

    @Test("the earlier of a worded and a numeric date wins; an impossible date is passed over")
    func choice() throws {
        let text = "ngày 2 tháng 3 năm 2024 và 15/10/2023"
        #expect(VietnameseDate.first(in: text)?.date.description == "2024-03-02")
        #expect(VietnameseDate.first(in: "ngày 31/02/2023 hoặc 28/02/2023")?.date.description == "2023-02-28")
    }

    @Test("drafts' blank dates, bare years and periods are no dates")
    func notDates() {
        for text in ["ngày tháng năm 2025", "giai đoạn 2021-2025", "năm 2024", "15/10", "1/2/23", "", "100%"] {
            #expect(VietnameseDate.first(in: text) == nil, "\(text)")
        }
    }
}
