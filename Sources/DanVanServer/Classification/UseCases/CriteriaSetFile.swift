import DanVanCore
import DanVanDocuments
import Foundation

/// The three tables of a criteria set from an uploaded file: an XLSX workbook with criteria,
/// bands and gates on its first three sheets, or a CSV (or text pasted from Excel) with the
/// three tables one after the other, each opened by its header row.
enum CriteriaSetFile {
    struct Tables: Sendable {
        var criteria: [[String]]
        var bands: [[String]]
        var gates: [[String]]
    }

    static func tables(_ data: Data, filename: String) throws -> Tables {
        let isXlsx = filename.lowercased().hasSuffix(".xlsx") || data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if isXlsx {
            let sheets = try Result { () throws(ValidationFailure) in try XlsxTable.sheets(data) }.mapError { AppError.validation($0) }.get()
            let dense = sheets.map(dense)
            return Tables(criteria: dense[0], bands: dense.count > 1 ? dense[1] : [], gates: dense.count > 2 ? dense[2] : [])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AppError.invalid("file", "Tệp không phải XLSX, cũng không phải văn bản UTF-8 (CSV).")
        }
        return try stacked(text)
    }

    /// CSV or tab-separated text pasted from a spreadsheet, the three tables stacked.
    static func stacked(_ text: String) throws -> Tables {
        let rows: [[String]]
        if text.contains("\t") {
            rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        } else {
            let table = try Result { () throws(ValidationFailure) in try CSVTable.parse(text) }.mapError { AppError.validation($0) }.get()
            rows = [table.header] + dense(table.rows).dropFirst()
        }
        let bandStart = rows.firstIndex { VietnameseFolding.fold($0.first ?? "") == "muc xep loai" } ?? rows.count
        let gateStart = rows.firstIndex { VietnameseFolding.fold($0.first ?? "") == "dieu kien" } ?? rows.count
        let criteriaEnd = min(bandStart, gateStart)
        return Tables(criteria: Array(rows[..<criteriaEnd]),
                      bands: bandStart < rows.count ? Array(rows[bandStart..<(gateStart > bandStart ? gateStart : rows.count)]) : [],
                      gates: gateStart < rows.count ? Array(rows[gateStart..<(bandStart > gateStart ? bandStart : rows.count)]) : [])
    }

    /// Rows by their sheet line, empty rows where the sheet has none, so messages name the line Excel shows.
    private static func dense(_ rows: [(line: Int, cells: [String])]) -> [[String]] {
        guard let last = rows.last?.line else { return [] }
        var out = Array(repeating: [String](), count: last)
        for row in rows where row.line >= 1 { out[row.line - 1] = row.cells }
        return out
    }
}
