import Testing
@testable import DanVanCore

@Suite("Unit validation")
struct UnitValidationTests {
    private func issues(_ draft: UnitDraft) -> [ValidationIssue] {
        if case .failure(let failure) = UnitValidation.validate(draft) { return failure.issues }
        return []
    }

    @Test("a good unit passes with trimmed fields and parsed dates")
    func valid() throws {
        let draft = UnitDraft(code: " LC-TU ", name: " Tỉnh ủy Lai Châu ", kind: "party_committee", level: "province",
                              validFrom: "01/01/2004")
        let unit = try UnitValidation.validate(draft).get()
        #expect(unit.code == "LC-TU")
        #expect(unit.name == "Tỉnh ủy Lai Châu")
        #expect(unit.shortName == nil)
        #expect(unit.validFrom == CivilDate(year: 2004, month: 1, day: 1))
    }

    @Test("every problem is reported at once, each with its field")
    func allProblems() {
        let draft = UnitDraft(code: "", name: "", shortName: String(repeating: "x", count: 61), kind: "x", level: "y",
                              validFrom: "2025-07-01", validTo: "2025-06-30")
        let fields = issues(draft).map(\.field)
        #expect(fields == ["code", "name", "shortName", "kind", "level", "validTo"])
    }

    @Test("codes that clash with page addresses are refused")
    func reservedCodes() {
        #expect(issues(UnitDraft(code: "new", name: "A", kind: "other", level: "commune")).first?.field == "code")
        #expect(issues(UnitDraft(code: "Import", name: "A", kind: "other", level: "commune")).first?.field == "code")
    }

    @Test("a unit never sits above its parent's level")
    func levels() {
        #expect(UnitValidation.levelIssue(child: .commune, parent: .province) == nil)
        #expect(UnitValidation.levelIssue(child: .province, parent: .province) == nil)
        #expect(UnitValidation.levelIssue(child: .district, parent: .commune) != nil)
    }
}
