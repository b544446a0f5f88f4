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
