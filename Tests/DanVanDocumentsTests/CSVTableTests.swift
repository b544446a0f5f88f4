import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

@Suite("CSV tables")
struct CSVTableTests {
    @Test("Excel's byte order mark, CRLF and quoted commas are read; blank lines keep line numbers")
    func readsExcel() throws {
        let text = "\u{FEFF}code,name\r\nA,\"Huyện ủy, Tam Đường\"\r\n\r\nB,Xã\r\n"
        let table = try CSVTable.parse(text)
        #expect(table.header == ["code", "name"])
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows.first?.cells == ["A", "Huyện ủy, Tam Đường"])
    }

    @Test("semicolon-separated files are recognised")
    func semicolons() throws {
        let table = try CSVTable.parse("code;name\nA;Tỉnh ủy\n")
        #expect(table.rows.first?.cells == ["A", "Tỉnh ủy"])
    }

    @Test("what is written reads back the same")
    func roundTrip() throws {
        let rows = [["A", "Có \"ngoặc\", phẩy"], ["B", "Dòng\nmới"]]
        let data = try CSVTable.write(header: ["code", "name"], rows: rows)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try CSVTable.parse(data).rows.map(\.cells) == rows)
    }

    @Test("an empty file or one in a legacy encoding is refused with a reason")
    func refuses() {
        #expect(throws: ValidationFailure.self) { try CSVTable.parse("") }
        let error = #expect(throws: ValidationFailure.self) { try CSVTable.parse(Data([0x4D, 0xE3, 0xFF, 0xFE, 0x0A])) }
        #expect(error?.summary.contains("UTF-8") == true)
    }
}

@Suite("CSV cells a spreadsheet would run")
struct CSVFormulaTests {
    @Test("cells starting with = + - @ tab or CR are written as text, and read back as they were")
    func neutralised() throws {
        let names = ["=HYPERLINK(\"http://evil.example\",\"Xã\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "Xã Bình Lư", "-12,5", "42"]
        let data = try CSVTable.write(header: ["code", "name"], rows: names.enumerated().map { ["U\($0.offset)", $0.element] })
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("'=HYPERLINK") && text.contains("'+1+2") && text.contains("'@SUM") && text.contains("'-2+3"))
        #expect(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"))
        #expect(text.contains(",-12,5") || text.contains(",\"-12,5\""), "a plain number stays a number")
        let back = try CSVTable.parse(data)
        #expect(back.rows.map { $0.cells[1] } == names)
    }
}
