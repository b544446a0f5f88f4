import DanVanCore
import Foundation
import Testing
import ZIPFoundation
@testable import DanVanDocuments
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("OOXML packages DanVan writes")
struct OOXMLPackageTests {
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    /// Every part well-formed, every part but the content types declared, every relationship's
    /// target present: what Word checks before it opens a file.
    static func checkStructure(_ data: Data) throws {
        let parts = try parts(data)
        let types = try #require(parts["[Content_Types].xml"])
        for (path, xml) in parts {
            let parser = XMLParser(data: Data(xml.utf8))
            #expect(parser.parse(), "\(path) is not well-formed XML")
            if path != "[Content_Types].xml", !path.hasSuffix(".rels") {
                #expect(types.contains("PartName=\"/\(path)\""), "\(path) has no content type")
            }
        }
        for (path, xml) in parts where path.hasSuffix(".rels") {
            let base = path.replacingOccurrences(of: "_rels/", with: "").replacingOccurrences(of: ".rels", with: "")
            let folder = (base as NSString).deletingLastPathComponent
            for target in xml.components(separatedBy: "Target=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                let resolved = folder.isEmpty ? target : folder + "/" + target
                #expect(parts[resolved] != nil, "\(path) points at \(resolved), which is missing")
            }
        }
    }

    private var header: OfficialHeaderText {
        OfficialHeaderText(unit: .init(name: "Huyện ủy Tam Đường", kind: .partyCommittee, level: .district),
                           parent: .init(name: "Tỉnh ủy Lai Châu", kind: .partyCommittee, level: .province), grandparent: nil,
                           number: nil, type: "KH", place: nil, issuedOn: nil, year: 2025)
    }

    @Test("a plan's DOCX has its parts declared and linked, A4 portrait then a landscape appendix, and the page number from page 2")
    func docxStructure() throws {
        let plan = PlanExport(header: header, documentType: "KH", subject: "Công tác dân vận năm 2025", issuer: "Huyện ủy Tam Đường", basis: [],
                              sections: [], targets: [.init(text: "Trên 85% cán bộ được tập huấn", subject: "cán bộ được tập huấn", line: 0)],
                              tasks: [.init(text: "Tập huấn", line: 0, group: nil, fromAppendix: true, timing: "Tháng 3", lead: ["Ban Dân vận"],
                                            coordinating: [])],
                              recipients: ["Lưu"], signature: .init(authority: "T/M BAN THƯỜNG VỤ", position: "BÍ THƯ", name: nil))
        let data = try PlanDocxWriter.docx(plan)
        try Self.checkStructure(data)
        let document = try #require(try Self.parts(data)["word/document.xml"])
        #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(document.contains(#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#))
        #expect(document.contains(#"w:left="1701""#), "30 mm binding margin")
        #expect(document.contains("<w:titlePg/>"))
        #expect(document.contains("<w:tblHeader/>"), "the appendix header row repeats on every page")
        let styles = try #require(try Self.parts(data)["word/styles.xml"])
        #expect(styles.contains(#"w:ascii="Times New Roman""#) && styles.contains(#"<w:sz w:val="28"/>"#))
    }

    @Test("characters XML forbids are dropped from user text, markup is escaped, and the file stays well-formed")
    func forbiddenCharacters() throws {
        #expect(XMLText.escaped("a\u{0}b\u{1}c\u{B}d\u{FFFE}e\u{FFFF}") == "abcde")
        #expect(XMLText.escaped("<b>&\"x\"</b>\tok\n") == "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;\tok\n")
        let table = SpreadsheetTable(sheetName: "Bảng: [1]/2", title: "Bảng\u{7} <thử>", subtitle: ["Kỳ\u{1F}"],
                                     columns: [.init("Tên", width: 20), .init("Số", width: 8, format: .integer)],
                                     rows: [[.text("A & B\u{0}"), .number(12)], [.text("C"), .number(.nan)]])
        let data = try XlsxWriter.xlsx([table])
        try Self.checkStructure(data)
        let parts = try Self.parts(data)
        #expect(parts["xl/workbook.xml"]?.contains(#"name="Bảng 12""#) == true, "a sheet name loses the characters Excel forbids")
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("Bảng &lt;thử&gt;") == true)
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains(#"<c r="B5" s="5"><v>12</v></c>"#) == true)
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains(#"<c r="B6" s="4"/>"#) == true, "a number that is not finite is left empty")
    }

    @Test("a long cell's row is made tall enough to show it wrapped, and no table at all is refused")
    func wrapping() throws {
        let columns = [SpreadsheetTable.Column("Tên", width: 21)]
        #expect(XlsxSheetXML.rowHeight([.text(String(repeating: "a", count: 100))], columns: columns) == 16 * 5)
        #expect(XlsxSheetXML.rowHeight([.number(5)], columns: columns) == 16)
        #expect(XlsxSheetXML.columnName(0) == "A" && XlsxSheetXML.columnName(25) == "Z" && XlsxSheetXML.columnName(26) == "AA")
        #expect(throws: DocumentWriteError.self) { try XlsxWriter.xlsx([]) }
    }
}
