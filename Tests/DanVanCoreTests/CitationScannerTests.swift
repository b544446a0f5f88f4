import Testing
@testable import DanVanCore

@Suite("Citations in running text")
struct CitationScannerTests {
    @Test("the common form: type, số, number, date, issuer, subject")
    func commonForm() throws {
        let text = "Thực hiện Chương trình số 27-CTr/TU, ngày 12/12/2022 của Ban Thường vụ Tỉnh ủy về công tác dân vận năm 2023. Ban Thường vụ..."
        let mention = try #require(CitationScanner.mentions(in: text, line: 7).first)
        #expect(mention.number.normalized == "27-CTr/TU")
        #expect(mention.typeName == "Chương trình")
        #expect(mention.issuedOn == CivilDate(year: 2022, month: 12, day: 12))
        #expect(mention.issuer == "Ban Thường vụ Tỉnh ủy")
        #expect(mention.subject == "công tác dân vận năm 2023")
        #expect(mention.line == 7)
    }

    @Test("variants: no số, no comma, long dates, unpadded dates, dashes", arguments: [
        ("Nghị quyết 15-NQ/TU ngày 22/12/2023 của Ban Chấp hành Đảng bộ tỉnh về xóa bỏ hủ tục", "15-NQ/TU", "2023-12-22"),
        ("Kế hoạch số 226-KH/HU ngày 17 tháng 01 năm 2024 của Huyện ủy về công tác dân vận năm 2024", "226-KH/HU", "2024-01-17"),
        ("theo Kết luận số 114- KL/TW, ngày 14/7/2015 của Ban Bí thư", "114-KL/TW", "2015-07-14"),
        ("Hướng dẫn số 02-HD/TU, ngày 24-04-2018 của Ban Thường vụ Tỉnh ủy", "02-HD/TU", "2018-04-24"),
        ("Nghị quyết số 75/NQ-HĐND ngày 09/12/2024 của HĐND tỉnh", "75/NQ-HĐND", "2024-12-09"),
        ("Pháp lệnh số 34/2007/PL-UBTVQH11 và các nghị định", "34/2007/PL-UBTVQH11", nil),
    ])
    func variants(text: String, normalized: String, date: String?) throws {
        let mention = try #require(CitationScanner.mentions(in: text, line: 1).first)
        #expect(mention.number.normalized == normalized)
        #expect(mention.issuedOn?.description == date)
    }

    @Test("two documents sharing one date and issuer both get them")
    func sharedDate() {
        let text = "Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW, ngày 12/12/2013 của Bộ Chính trị"
        let mentions = CitationScanner.mentions(in: text, line: 3)
        #expect(mentions.map(\.number.normalized) == ["217-QĐ/TW", "218-QĐ/TW"])
        #expect(mentions.allSatisfy { $0.issuedOn == CivilDate(year: 2013, month: 12, day: 12) })
        #expect(mentions.allSatisfy { $0.issuer == "Bộ Chính trị" })
    }

    @Test("33-CT/TTg and 33/CT-TTg are one document, both spellings kept")
    func stateIssuerSpelledPartyStyle() {
        let mentions = CitationScanner.mentions(in: "Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng", line: 1)
            + CitationScanner.mentions(in: "Chỉ thị số 33-CT/TTg, ngày 26/11/2021 của Thủ tướng Chính phủ", line: 9)
        let documents = CitationScanner.documents(from: mentions)
        #expect(documents.count == 1)
        #expect(documents.first?.normalized == "33/CT-TTg")
        #expect(documents.first?.occurrences == [1, 9])
        #expect(documents.first?.spellings == ["33/CT-TTg", "33-CT/TTg"])
    }

    @Test("same number, different years: two documents; a later undated mention joins the dated one before it")
    func identityByYear() {
        let mentions = CitationScanner.mentions(in: "Nghị quyết số 25-NQ/TW, ngày 25/7/2008 của Ban Chấp hành Trung ương", line: 2)
            + CitationScanner.mentions(in: "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương", line: 5)
            + CitationScanner.mentions(in: "tiếp tục thực hiện Nghị quyết số 25-NQ/TW", line: 8)
        let documents = CitationScanner.documents(from: mentions)
        #expect(documents.count == 2)
        #expect(documents.map { $0.issuedOn?.year } == [2008, 2013])
        #expect(documents.last?.occurrences == [5, 8])
    }

    @Test("a blank draft number is not a citation")
    func blankIsNotACitation() {
        #expect(CitationScanner.mentions(in: "Số: /KH-VPUBND", line: 1).isEmpty)
    }
}
