import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

@Suite("Plan reader: DOCX")
struct DocxReaderTests {
    @Test("a seed's DOCX gives the same facts as its text", arguments: Fixtures.seeds)
    func sameFactsAsText(seed: String) throws {
        let fromText = try PlanFileReader.read(Fixtures.data(seed + ".txt"), filename: seed + ".txt")
        let fromDocx = try PlanFileReader.read(Fixtures.data(seed + ".docx"), filename: seed + ".docx")
        #expect(fromDocx.kind == fromText.kind)
        #expect(fromDocx.number == fromText.number)
        #expect(fromDocx.subject == fromText.subject)
        #expect(fromDocx.issuedOn == fromText.issuedOn)
        #expect(fromDocx.issuer == fromText.issuer)
        #expect(fromDocx.basis.map(\.normalized) == fromText.basis.map(\.normalized))
        #expect(fromDocx.citations.map(\.normalized) == fromText.citations.map(\.normalized))
        #expect(fromDocx.citations.map(\.issuedOn) == fromText.citations.map(\.issuedOn))
        #expect(headings(fromDocx.sections) == headings(fromText.sections))
        #expect(fromDocx.targets.map(\.comparator) == fromText.targets.map(\.comparator))
        #expect(fromDocx.targets.map(\.value) == fromText.targets.map(\.value))
        #expect(fromDocx.targets.map(\.subject) == fromText.targets.map(\.subject))
        #expect(fromDocx.tasks.map(\.text) == fromText.tasks.map(\.text))
        #expect(fromDocx.tasks.map(\.timing.months) == fromText.tasks.map(\.timing.months))
        #expect(fromDocx.tasks.map(\.lead) == fromText.tasks.map(\.lead))
        #expect(fromDocx.tasks.map(\.coordinating) == fromText.tasks.map(\.coordinating))
        #expect(fromDocx.tasks.map(\.group) == fromText.tasks.map(\.group))
        #expect(fromDocx.recipients == fromText.recipients)
        #expect(fromDocx.signature == fromText.signature)
    }

    private func headings(_ sections: [PlanDocument.Section]) -> [String] {
        sections.flatMap { ["\($0.number) \($0.heading)"] + headings($0.children) }
    }

    @Test("text split across runs, automatic numbering, deleted revisions and field codes")
    func wordsOwnWays() throws {
        let numbering = #"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>"#
        let body = [
            DocxBuilder.paragraph(DocxBuilder.run("KẾ HO") + DocxBuilder.run("ẠCH")),
            DocxBuilder.paragraph(DocxBuilder.run("Công tác dân vận năm 2025")),
            DocxBuilder.paragraph(DocxBuilder.run("MỤC ĐÍCH"), numId: 5),
            DocxBuilder.paragraph(DocxBuilder.run("Mục đích chung"), numId: 5, level: 1),
            DocxBuilder.paragraph(DocxBuilder.run("Nội dung mục đích.")),
            DocxBuilder.paragraph(DocxBuilder.run("CHỈ TIÊU"), numId: 5),
            DocxBuilder.paragraph(DocxBuilder.run("Chỉ tiêu cụ thể"), numId: 5, level: 1),
            DocxBuilder.paragraph(DocxBuilder.run("- Tr") + #"<w:del><w:r><w:delText>dưới</w:delText></w:r></w:del>"#
                                  + DocxBuilder.run("ên 8") + DocxBuilder.run("5% cán bộ được tập huấn")
                                  + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:footnoteReference w:id="1"/></w:r>"#),
        ].joined()
        let data = try DocxBuilder.document(body: body, numbering: numbering)
        let plan = try PlanFileReader.read(data, filename: "kh.docx")
        #expect(plan.kind == .plan)
        #expect(plan.sections.map(\.number) == ["I", "II"], "numbers come from numbering.xml, not the text")
        #expect(plan.sections.last?.children.first?.number == "1", "the second level restarts under II")
        #expect(plan.targets.count == 1)
        #expect(plan.targets.first?.comparator == .gt)
        #expect(plan.targets.first?.value == 85)
        #expect(plan.targets.first?.subject == "cán bộ được tập huấn")
    }

    @Test("a table's merged number cell continues the group above; cells keep their paragraphs")
    func mergedCells() throws {
        func cell(_ paragraphs: [String], merge: String? = nil) -> String {
            let properties = merge.map { #"<w:tcPr><w:vMerge w:val="\#($0)"/></w:tcPr>"# } ?? ""
            return "<w:tc>\(properties)" + paragraphs.map { DocxBuilder.paragraph(DocxBuilder.run($0)) }.joined() + "</w:tc>"
        }
        func row(_ cells: String) -> String { "<w:tr>\(cells)</w:tr>" }
        let table = "<w:tbl>" + [
            row(cell(["Stt"]) + cell(["Nội dung"]) + cell(["Thời gian"]) + cell(["Chủ trì"]) + cell(["Phối hợp"])),
            row(cell(["1"], merge: "restart") + cell(["- Việc một", "- Việc hai"]) + cell(["Tháng 3, 9"]) + cell(["Ban Dân vận"])
                + cell(["MTTQ xã", "Đoàn Thanh niên xã"])),
            row(cell([], merge: "continue") + cell(["- Việc ba"]) + cell(["Hàng tháng"]) + cell(["Văn phòng"]) + cell(["Các cơ quan, đơn vị liên quan"])),
        ].joined() + "</w:tbl>"
        let body = DocxBuilder.paragraph(DocxBuilder.run("KẾ HOẠCH")) + DocxBuilder.paragraph(DocxBuilder.run("Công tác năm 2025"))
            + DocxBuilder.paragraph(DocxBuilder.run("I. NỘI DUNG")) + DocxBuilder.paragraph(DocxBuilder.run("Triển khai.")) + table
        let plan = try PlanFileReader.read(try DocxBuilder.document(body: body), filename: "kh.docx")
        let tasks = plan.tasks.filter { $0.section == "appendix" }
        #expect(tasks.map(\.text) == ["Việc một", "Việc hai", "Việc ba"])
        #expect(tasks.map(\.group) == ["1", "1", "1"])
        #expect(tasks.first?.coordinating == ["MTTQ xã", "Đoàn Thanh niên xã"])
        #expect(tasks.last?.timing.recurrence == "monthly")
        #expect(tasks.last?.coordinating == ["Các cơ quan, đơn vị liên quan"])
    }

    @Test("a ZIP that is not a DOCX, a broken XML body, and a zip bomb are refused")
    func badPackages() throws {
        let notDocx = try DocxBuilder.zip(["readme.txt": Data("xin chào".utf8)])
        #expect(message(notDocx, "a.docx")?.contains("thiếu word/document.xml") == true)
        let broken = try DocxBuilder.zip(["word/document.xml": Data("<w:document><w:body><w:p>".utf8)])
        #expect(message(broken, "b.docx")?.contains("XML hỏng") == true)
        let bomb = try DocxBuilder.zip(["word/document.xml": Data(repeating: 0x20, count: DocxArchive.maxUnpackedBytes + 1)])
        #expect(bomb.count < 1_048_576, "a few hundred kilobytes that unpack past the limit")
        #expect(message(bomb, "bomb.docx")?.contains("vượt giới hạn") == true)
    }

    private func message(_ data: Data, _ name: String) -> String? {
        do {
            _ = try PlanFileReader.read(data, filename: name)
            return nil
        } catch {
            return error.description
        }
    }
}
