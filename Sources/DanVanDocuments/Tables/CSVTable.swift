import CSV
import DanVanCore
import Foundation

/// A CSV file as a header and numbered rows. Accepts what Excel and LibreOffice save:
/// a UTF-8 byte order mark, CRLF line ends, comma or semicolon separators.
public struct CSVTable: Sendable {
    public let header: [String]
    /// Each data row with its line in the file (the header is line 1).
    public let rows: [(line: Int, cells: [String])]

    public init(header: [String], rows: [(line: Int, cells: [String])]) {
        self.header = header
        self.rows = rows
    }

    public static func parse(_ data: Data) throws(ValidationFailure) -> CSVTable {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationFailure([ValidationIssue(field: "file", message: "Tệp CSV không phải mã UTF-8. Hãy lưu lại bằng \"CSV UTF-8\".")])
        }
        return try parse(text)
    }

    public static func parse(_ text: String) throws(ValidationFailure) -> CSVTable {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: UnicodeScalar = firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw ValidationFailure([ValidationIssue(field: "file", message: "Không đọc được tệp CSV: \(error).", line: 1)])
        }
        var records: [[String]] = []
        while let row = reader.next() {
            records.append(row)
        }
        if let error = reader.error {
            throw ValidationFailure([ValidationIssue(field: "file", message: "Tệp CSV hỏng quanh dòng \(records.count + 1): \(error).",
                                                     line: records.count + 1)])
        }
        guard let header = records.first, !header.allSatisfy({ $0.isEmpty }) else {
            throw ValidationFailure([ValidationIssue(field: "file", message: "Tệp CSV trống.", line: 1)])
        }
        let rows = records.dropFirst().enumerated()
            .map { (line: $0.offset + 2, cells: $0.element.map(restored)) }
            .filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        return CSVTable(header: header, rows: rows)
    }

    /// A table the pages show, as CSV: its header row and rows, numbers as plain digits (a
    /// percentage as 85.3), without the title lines a spreadsheet carries.
    public static func write(_ table: SpreadsheetTable) throws -> Data {
        let rows = table.rows.map { row in
            row.enumerated().map { index, value -> String in
                switch value {
                case .text(let text): return text
                case .empty: return ""
                case .number(let number) where !number.isFinite: return ""
                case .number(let number):
                    let percent = index < table.columns.count && table.columns[index].format == .percent
                    return XlsxSheetXML.cellNumber(percent ? (number * 1000).rounded() / 10 : number)
                }
            }
        }
        return try write(header: table.columns.map(\.header), rows: rows)
    }

    /// Characters that make a spreadsheet read a cell as a formula (a unit named
    /// `=HYPERLINK(...)` would be a live link in Excel).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell a spreadsheet would take for a formula gets a leading apostrophe, as OWASP and the
    /// spreadsheet tools advise; a plain number ("-12,5") is left as it is.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.first, formulaStarts.contains(first), Double(cell.replacingOccurrences(of: ",", with: ".")) == nil
        else { return cell }
        return "'" + cell
    }

    /// What `neutralised` wrote, read back: a file exported from DanVan imports to the same values.
    static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    /// Writes RFC 4180 CSV with a byte order mark so Excel opens Vietnamese text correctly.
    public static func write(header: [String], rows: [[String]]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header.map(neutralised))
        for row in rows {
            try writer.write(row: row.map(neutralised))
        }
        let bytes = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + bytes + Data("\r\n".utf8)
    }
}
