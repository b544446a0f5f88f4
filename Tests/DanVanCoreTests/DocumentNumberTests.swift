import Testing
@testable import DanVanCore

@Suite("Document numbers")
struct DocumentNumberTests {
    @Test("party and state numbers normalise, noisy spacing included", arguments: [
        ("159-KH/HU", "159-KH/HU", DocumentNumber.Style.party),
        ("Số 114 -KH/ĐUK", "114-KH/ĐUK", .party),
        ("151 - KH/HU", "151-KH/HU", .party),
        ("235/KH-UBND", "235/KH-UBND", .state),
        ("30/2020/NĐ-CP", "30/2020/NĐ-CP", .state),
        ("34/2007/PL-UBTVQH11", "34/2007/PL-UBTVQH11", .state),
        ("33-CT/TTg", "33/CT-TTg", .state),
        ("33/CT-TTg", "33/CT-TTg", .state),
        ("Số: /KH-VPUBND", "/KH-VPUBND", .state),
        ("11-QĐi/TW", "11-QĐi/TW", .party),
        ("27-CTr/TU", "27-CTr/TU", .party),
        ("06-ĐA/TU", "06-ĐA/TU", .party),
        ("101-NQ/ĐU", "101-NQ/ĐU", .party),
    ])
    func normalises(raw: String, normalized: String, style: DocumentNumber.Style) throws {
        let number = try #require(DocumentNumber.parse(raw))
        #expect(number.normalized == normalized)
        #expect(number.style == style)
        #expect(number.raw == raw)
    }

    @Test("a draft's blank number stays blank, never guessed")
    func blankNumber() throws {
        let number = try #require(DocumentNumber.parse("Số: /KH-VPUBND"))
        #expect(number.number == "")
        #expect(number.type == "KH")
        #expect(number.issuer == "VPUBND")
    }

    @Test("legal normative documents keep their year")
    func year() throws {
        #expect(try #require(DocumentNumber.parse("30/2020/NĐ-CP")).year == 2020)
    }

    @Test("text that is not a number is refused", arguments: ["Kế hoạch", "2023", "ngày 16/01/2023", "KH/HU", "a-b/c/d"])
    func refuses(text: String) {
        #expect(DocumentNumber.parse(text) == nil)
    }
}
