import DanVanCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first worksheet of an XLSX workbook as rows of text, each with its row number, so an
/// import can name the line a problem is on. Shared and inline strings, numbers as written;
/// formulas give their cached value.
public enum XlsxTable {
    public static func rows(_ data: Data) throws(ValidationFailure) -> [(line: Int, cells: [String])] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw failure("Tệp không phải bảng tính Excel (.xlsx) đọc được.")
        }
        let shared = (try? entry("xl/sharedStrings.xml", in: archive)).map(SharedStrings.parse) ?? []
        guard let sheet = try? entry(firstSheetPath(in: archive), in: archive) else {
            throw failure("Bảng tính không có trang tính nào.")
        }
        return SheetRows.parse(sheet, shared: shared)
    }

    /// Every worksheet, in the order of their names (sheet1, sheet2 …), for workbooks that keep
    /// one table per sheet (a criteria set: criteria, bands, gates).
    public static func sheets(_ data: Data) throws(ValidationFailure) -> [[(line: Int, cells: [String])]] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw failure("Tệp không phải bảng tính Excel (.xlsx) đọc được.")
        }
        let shared = (try? entry("xl/sharedStrings.xml", in: archive)).map(SharedStrings.parse) ?? []
        let paths = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") && !$0.contains("_rels") }
            .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        let sheets = paths.compactMap { try? entry($0, in: archive) }.map { SheetRows.parse($0, shared: shared) }
        guard !sheets.isEmpty else { throw failure("Bảng tính không có trang tính nào.") }
        return sheets
    }

    private static func failure(_ message: String) -> ValidationFailure {
        ValidationFailure([ValidationIssue(field: "file", message: message)])
    }

    private static func entry(_ path: String, in archive: Archive) throws -> Data {
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
        var data = Data()
        guard entry.uncompressedSize < 50_000_000 else { throw CocoaError(.fileReadTooLarge) }
        _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        return data
    }

    /// The first sheet named by the workbook's relationships; `sheet1.xml` when they say nothing.
    private static func firstSheetPath(in archive: Archive) -> String {
        guard let rels = try? entry("xl/_rels/workbook.xml.rels", in: archive), let text = String(data: rels, encoding: .utf8),
              let range = text.range(of: #"Target="(/?xl/)?worksheets/[^"]+""#, options: .regularExpression) else {
            return "xl/worksheets/sheet1.xml"
        }
        let target = text[range].dropFirst("Target=\"".count).dropLast()
        let name = target.components(separatedBy: "worksheets/").last ?? "sheet1.xml"
        return "xl/worksheets/" + name
    }

    private final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inText = false

        static func parse(_ data: Data) -> [String] {
            let delegate = SharedStrings()
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            parser.parse()
            return delegate.strings
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "si" { current = "" }
            if name == "t" { inText = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "t" { inText = false }
            if name == "si" { strings.append(current) }
        }
    }

    private final class SheetRows: NSObject, XMLParserDelegate {
        let shared: [String]
        var rows: [(line: Int, cells: [String])] = []
        var row: [Int: String] = [:]
        var rowNumber = 0
        var column = 0
        var type = ""
        var text = ""
        var collecting = false

        init(shared: [String]) { self.shared = shared }

        static func parse(_ data: Data, shared: [String]) -> [(line: Int, cells: [String])] {
            let delegate = SheetRows(shared: shared)
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            parser.parse()
            return delegate.rows
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "row":
                rowNumber = Int(attributes["r"] ?? "") ?? rowNumber + 1
                row = [:]
                column = 0
            case "c":
                column = attributes["r"].map(Self.columnIndex) ?? column
                type = attributes["t"] ?? ""
                text = ""
            case "v", "t":
                collecting = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": collecting = false
            case "c":
                let value = type == "s" ? (Int(text).flatMap { $0 < shared.count ? shared[$0] : nil } ?? "") : text
                row[column] = value
                column += 1
            case "row":
                let width = (row.keys.max() ?? -1) + 1
                let cells = (0..<width).map { row[$0] ?? "" }
                if cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { rows.append((rowNumber, cells)) }
            default: break
            }
        }

        /// "C12" → 2.
        static func columnIndex(_ reference: String) -> Int {
            var index = 0
            for scalar in reference.unicodeScalars {
                guard ("A"..."Z").contains(scalar) else { break }
                index = index * 26 + Int(scalar.value - 64)
            }
            return max(0, index - 1)
        }
    }
}
