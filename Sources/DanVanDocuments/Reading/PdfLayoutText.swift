import Foundation

/// The text of `pdftotext -bbox-layout`: pages of blocks of lines of words. A block is a
/// paragraph (or a table cell, or a heading); the blocks are written with a blank line between
/// them, so that the reader knows where paragraphs end. A page's bare number is left out.
enum PdfLayoutText {
    static func paragraphs(fromBoundingBoxes xhtml: String) -> String {
        var output: [String] = []
        for page in elements("page", in: xhtml) {
            let blocks = elements("block", in: page).map { block in
                elements("line", in: block).map { line in elements("word", in: line).map(unescape).joined(separator: " ") }
            }.filter { !$0.isEmpty }
            for (index, lines) in blocks.enumerated() {
                if (index == 0 || index == blocks.count - 1), lines.count == 1, isPageNumber(lines[0]) { continue }
                output.append(lines.joined(separator: "\n"))
            }
        }
        return output.joined(separator: "\n\n")
    }

    private static func isPageNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && trimmed.count <= 4 && trimmed.allSatisfy { $0.isNumber || $0 == "-" || $0 == " " }
    }

    /// The contents of each `<name …>…</name>` in order (they do not nest in this output).
    private static func elements(_ name: String, in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "<\(name)") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</\(name)>") else { break }
            found.append(String(rest[rest.index(after: tagEnd)..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }

    private static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
