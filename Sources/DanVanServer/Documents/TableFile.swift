import DanVanCore
import DanVanDocuments
import Foundation

/// A register a unit keeps in Excel or CSV, as rows of text with their line numbers.
enum TableFile {
    static func rows(_ data: Data, filename: String) -> Result<[(line: Int, cells: [String])], ValidationFailure> {
        if filename.lowercased().hasSuffix(".xlsx") || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return Result { () throws(ValidationFailure) in try XlsxTable.rows(data) }
        }
        return Result { () throws(ValidationFailure) in
            let table = try CSVTable.parse(data)
            return [(1, table.header)] + table.rows
        }
    }
}

/// A spreadsheet a person filled in by hand: the header row found by one column's name (folded,
/// so "HỌ VÀ TÊN" and "Họ và tên" match), the columns it has, and the non-empty rows after it.
struct ImportTable {
    struct Line {
        let line: Int
        let cells: [String]
        let columns: [String: Int]

        /// The cell under a column's header, trimmed; empty when the file has no such column.
        func cell(_ header: String) -> String {
            guard let index = columns[header], index < cells.count else { return "" }
            return cells[index].trimmingCharacters(in: .whitespaces)
        }
    }

    let rows: [Line]

    static func read(_ data: Data, filename: String, columns headers: [String], required: [String], anchor: String,
                     emptyMessage: String) throws -> ImportTable {
        let rows = try TableFile.rows(data, filename: filename).mapError(AppError.validation).get()
        func header(_ text: String) -> String? {
            let folded = VietnameseFolding.fold(text).trimmingCharacters(in: .whitespaces)
            return headers.first { VietnameseFolding.fold($0) == folded }
        }
        guard let headerIndex = rows.firstIndex(where: { $0.cells.contains { header($0) == anchor } }) else {
            throw AppError.invalid("file", "Không thấy dòng tiêu đề có cột \"\(anchor)\".")
        }
        var columns: [String: Int] = [:]
        for (index, text) in rows[headerIndex].cells.enumerated() {
            if let name = header(text), columns[name] == nil { columns[name] = index }
        }
        if let missing = required.first(where: { columns[$0] == nil }) { throw AppError.invalid("file", "Tệp thiếu cột \"\(missing)\".") }
        let body = rows[(headerIndex + 1)...].filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard !body.isEmpty else { throw AppError.invalid("file", emptyMessage) }
        return ImportTable(rows: body.map { Line(line: $0.line, cells: $0.cells, columns: columns) })
    }
}
