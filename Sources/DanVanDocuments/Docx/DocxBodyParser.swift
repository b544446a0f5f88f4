import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Walks word/document.xml into blocks: text from every run (however Word split it),
/// automatic numbering put back in front, deleted revisions and field codes left out,
/// vertically merged table cells read as empty (they continue the cell above).
final class DocxBodyParser: NSObject, XMLParserDelegate {
    private struct Paragraph {
        var text = ""
        var numId: String?
        var level = 0
        var style: String?
    }

    private struct Table {
        var rows: [[[String]]] = []
        var cell: [String] = []
        var cellIsContinuation = false
    }

    private let numbering: DocxNumbering
    private let styles: DocxStyles
    private(set) var blocks: [DocxBlock] = []
    private var paragraphs: [Paragraph] = []
    private var tables: [Table] = []
    private var inText = false
    private var skipDepth = 0

    private static let skipped: Set<String> = ["w:del", "w:delText", "w:instrText", "mc:Fallback", "w:footnoteReference"]

    init(numbering: DocxNumbering, styles: DocxStyles) {
        self.numbering = numbering
        self.styles = styles
    }

    /// False when the XML is malformed. On Linux `parse()` can return true for a document cut
    /// short; `parserError` still says so.
    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse() && parser.parserError == nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if Self.skipped.contains(name) { skipDepth += 1 }
        guard skipDepth == 0 else { return }
        switch name {
        case "w:p": paragraphs.append(Paragraph())
        case "w:t": inText = true
        case "w:tab": appendText("\t")
        case "w:br", "w:cr": appendText("\n")
        case "w:numId": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].numId = attributes["w:val"] }
        case "w:ilvl": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].level = attributes["w:val"].flatMap(Int.init) ?? 0 }
        case "w:pStyle": if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].style = attributes["w:val"] }
        case "w:tbl": tables.append(Table())
        case "w:tr": if !tables.isEmpty { tables[tables.count - 1].rows.append([]) }
        case "w:tc": if !tables.isEmpty { tables[tables.count - 1].cell = []; tables[tables.count - 1].cellIsContinuation = false }
        case "w:vMerge":
            if !tables.isEmpty, attributes["w:val"] == nil || attributes["w:val"] == "continue" {
                tables[tables.count - 1].cellIsContinuation = true
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, skipDepth == 0 { appendText(string) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if Self.skipped.contains(name) {
            skipDepth -= 1
            return
        }
        guard skipDepth == 0 else { return }
        switch name {
        case "w:t": inText = false
        case "w:p": finishParagraph()
        case "w:tc":
            guard !tables.isEmpty else { return }
            let cell = tables[tables.count - 1].cellIsContinuation ? [] : tables[tables.count - 1].cell
            if !tables[tables.count - 1].rows.isEmpty { tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append(cell) }
        case "w:tbl": finishTable()
        default: break
        }
    }

    private func appendText(_ text: String) {
        guard !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text += text
    }

    private func finishParagraph() {
        guard let paragraph = paragraphs.popLast() else { return }
        let list = paragraph.numId.map { ($0, paragraph.level) } ?? paragraph.style.flatMap { styles.numbering[$0] }.map { ($0.numId, $0.level) }
        var text = paragraph.text
        if let (numId, level) = list, numId != "0", !text.trimmingCharacters(in: .whitespaces).isEmpty,
           let label = numbering.nextLabel(numId: numId, level: level) {
            text = label + " " + text
        }
        if !tables.isEmpty {
            tables[tables.count - 1].cell.append(text)
        } else {
            blocks.append(.paragraph(text))
        }
    }

    /// A table nested in a cell is flattened into that cell's paragraphs.
    private func finishTable() {
        guard let table = tables.popLast() else { return }
        if !tables.isEmpty {
            tables[tables.count - 1].cell += table.rows.flatMap { $0.flatMap { $0 } }
        } else {
            blocks.append(.table(table.rows))
        }
    }
}
