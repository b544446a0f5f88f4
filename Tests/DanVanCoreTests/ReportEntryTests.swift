import Testing
@testable import DanVanCore

@Suite("Report figures and their checks")
struct ReportEntryTests {
    func ratio(_ numerator: String, _ denominator: String) -> ReportEntryInput {
        ReportEntryInput(indicatorID: 7, indicatorName: "Cán bộ được tập huấn", kind: .ratio, numerator: numerator, denominator: denominator)
    }

    @Test("whole numbers are read, with Vietnamese thousands grouping")
    func figures() {
        #expect(TypedFigure.parse("12") == .success(12))
        #expect(TypedFigure.parse(" 1.234 ") == .success(1234))
        #expect(TypedFigure.parse("1 234 567") == .success(1_234_567))
        #expect(TypedFigure.parse("0") == .success(0))
    }

    @Test("letters, negatives and fractions are refused, each with its reason")
    func badFigures() {
        #expect(TypedFigure.parse("mười") == .failure(.notANumber))
        #expect(TypedFigure.parse("12a") == .failure(.notANumber))
        #expect(TypedFigure.parse("-3") == .failure(.negative))
        #expect(TypedFigure.parse("12,5") == .failure(.fraction))
        #expect(TypedFigure.parse("1.5") == .failure(.fraction))
        #expect(TypedFigure.parse("99999999999") == .failure(.notANumber))
    }

    @Test("a numerator above its denominator is refused beside the numerator field")
    func numeratorAbove() throws {
        guard case .failure(let failure) = ReportEntryValidation.check(ratio("21", "20"), requireValue: false) else {
            Issue.record("21 of 20 was accepted"); return
        }
        #expect(failure.issues.map(\.field) == ["v7_num"])
        #expect(failure.issues[0].message.contains("Tử số (21) lớn hơn mẫu số (20)"))
    }

    @Test("a letter in a value names the field and what was typed")
    func letters() throws {
        guard case .failure(let failure) = ReportEntryValidation.check(ratio("17", "hai mươi"), requireValue: false) else {
            Issue.record("letters accepted"); return
        }
        #expect(failure.issues.first?.field == "v7_den")
        #expect(failure.issues.first?.message.contains("\"hai mươi\"") == true)
    }

    @Test("a draft may leave figures empty; a submission may not")
    func required() {
        #expect((try? ReportEntryValidation.check(ratio("", ""), requireValue: false).get())?.isEmpty == true)
        guard case .failure(let failure) = ReportEntryValidation.check(ratio("", ""), requireValue: true) else {
            Issue.record("empty figure submitted"); return
        }
        #expect(failure.issues.first?.message.contains("Chưa nhập số liệu") == true)
        guard case .failure(let half) = ReportEntryValidation.check(ratio("5", ""), requireValue: false) else {
            Issue.record("a numerator without its denominator was accepted"); return
        }
        #expect(half.issues.first?.field == "v7_den")
    }

    @Test("yes/no accepts the words people write and refuses others")
    func yesNo() throws {
        let input = { (text: String) in ReportEntryInput(indicatorID: 2, indicatorName: "Kiện toàn Khối dân vận", kind: .yesNo, numerator: text) }
        #expect(try ReportEntryValidation.check(input("Có"), requireValue: true).get().numerator == 1)
        #expect(try ReportEntryValidation.check(input("không"), requireValue: true).get().numerator == 0)
        #expect((try? ReportEntryValidation.check(input("có lẽ"), requireValue: true).get()) == nil)
    }

    @Test("a denominator that moved more than the set share is flagged, a small move is not")
    func denominatorJump() {
        #expect(ReportEntryValidation.denominatorJump(name: "x", previous: 100, current: 130, share: 0.2)?.contains("30%") == true)
        #expect(ReportEntryValidation.denominatorJump(name: "x", previous: 100, current: 115, share: 0.2) == nil)
        #expect(ReportEntryValidation.denominatorJump(name: "x", previous: 0, current: 50, share: 0.2) == nil)
    }
}
