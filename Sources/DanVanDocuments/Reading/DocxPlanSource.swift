import DanVanCore
import Foundation

/// Turns a DOCX package into plan lines. Tables of three or more columns stay tables (the
/// appendix); narrower ones are layout (the header's two columns, "Nơi nhận" beside the
/// signature) and are read cell by cell. Headers, footers and footnotes live in other parts
/// and are not read.
enum DocxPlanSource {
    static func lines(from data: Data, filename: String) throws(PlanReadError) -> [PlanLine] {
        let archive = try DocxArchive(data: data, filename: filename)
        guard let document = try archive.xmlPart("word/document.xml", filename: filename) else {
            throw PlanReadError("Tệp \(filename) thiếu phần nội dung văn bản.")
        }
        let numbering = DocxNumbering(data: try archive.xmlPart("word/numbering.xml", filename: filename))
        let styles = DocxStyles(data: try archive.xmlPart("word/styles.xml", filename: filename))
        let parser = DocxBodyParser(numbering: numbering, styles: styles)
        guard parser.parse(document) else {
            throw PlanReadError("Tệp \(filename) có nội dung XML hỏng; hãy mở bằng Word và lưu lại.")
        }
        return planLines(parser.blocks)
    }

    static func planLines(_ blocks: [DocxBlock]) -> [PlanLine] {
        var lines: [PlanLine] = []
        func add(_ text: String) {
            for part in text.splitLiteral("\n").flatMap(splitAtLayoutTabs) {
                lines.append(PlanLine(number: lines.count + 1, text: clean(part)))
            }
        }
        for block in blocks {
            switch block {
            case .paragraph(let text):
                add(text)
            case .table(let rows):
                let columns = rows.map(\.count).max() ?? 0
                if columns >= 3 {
                    for row in rows {
                        let cells = row.map { $0.flatMap { $0.splitLiteral("\n") }.map(clean).filter { !$0.isEmpty } }
                        lines.append(PlanLine(number: lines.count + 1, text: cells.map { $0.joined(separator: " ") }.joined(separator: " | "),
                                              cells: cells))
                    }
                } else {
                    for row in rows { for cell in row { for paragraph in cell { add(paragraph) } } }
                }
            }
        }
        return lines
    }

    /// "1.<tab>Mục đích" is one line; "Số 159-KH/HU<tab><tab>Tam Đường, ngày ..." is two, as
    /// the header's two columns are often laid out with tabs.
    static func splitAtLayoutTabs(_ text: String) -> [String] {
        guard text.containsASCII("\t") else { return [text] }
        let segments = text.splitLiteral("\t").map { $0.trimmed() }.filter { !$0.isEmpty }
        guard segments.count > 1 else { return [text] }
        var lines: [String] = []
        for segment in segments {
            if let last = lines.last, last.rangeOfPattern(#"^([IVX]+|\d+(\.\d+)*|[a-zđ])[.)]?$"#) != nil {
                lines[lines.count - 1] = last + " " + segment
            } else {
                lines.append(segment)
            }
        }
        return lines
    }

    private static func clean(_ text: String) -> String {
        text.collapsingWhitespace()
    }
}
