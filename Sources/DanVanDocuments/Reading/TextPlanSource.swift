import DanVanCore
import Foundation

/// Turns plain text or Markdown-ish text (as the seeds are written) into plan lines: bold and
/// heading markers removed, tab-separated and HTML table rows split into cells, line numbers kept.
public enum TextPlanSource {
    public static func lines(from text: String) -> [PlanLine] {
        let normalized = text.containsASCII("\r") ? text.replacingLiteral("\r\n", with: "\n").replacingLiteral("\r", with: "\n") : text
        return normalized.splitLiteral("\n").enumerated().map { index, raw in
            line(raw, number: index + 1)
        }
    }

    static func line(_ raw: String, number: Int) -> PlanLine {
        if raw.containsASCII("\t") || (raw.containsASCII("<") && (raw.containsLiteral("<td") || raw.containsLiteral("<TD"))) {
            let cells = tableCells(raw)
            if cells.count >= 3 {
                return PlanLine(number: number, text: cells.map { $0.joined(separator: " ") }.joined(separator: " | "), cells: cells)
            }
        }
        return PlanLine(number: number, text: cleanText(raw))
    }

    /// Cells of a row; a cell with several <li>/<p> items or "- " bullets keeps them apart.
    static func tableCells(_ raw: String) -> [[String]] {
        let parts: [String]
        if raw.containsLiteral("<td") || raw.containsLiteral("<TD") {
            parts = raw.splitLiteral("</td>").compactMap { part in
                part.rangeOfPattern(#"<td[^>]*>"#, caseInsensitive: true).map { String(part[$0.upperBound...]) }
            }
        } else {
            parts = raw.splitLiteral("\t")
        }
        return parts.map(cellItems)
    }

    static func cellItems(_ cell: String) -> [String] {
        let marked = cell.containsASCII("<") ? cell.replacingPattern(#"<(li|p|br)[^>]*>"#, with: "\u{1F}", caseInsensitive: true) : cell
        return marked.splitLiteral("\u{1F}").map(cleanText).filter { !$0.isEmpty }
    }

    /// Removes Markdown and HTML markup and decodes the few entities documents carry.
    public static func cleanText(_ raw: String) -> String {
        var text = raw.containsASCII("<") ? raw.replacingPattern(#"<[^>]+>"#, with: " ") : raw
        if text.containsASCII("&") {
            for (entity, value) in [("&nbsp;", " "), ("&amp;", "&"), ("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&#39;", "'")] {
                text = text.replacingLiteral(entity, with: value)
            }
        }
        if text.containsASCII("#") { text = text.replacingPattern(#"^\s*#{1,6}\s*"#, with: "") }
        if text.containsASCII("*") { text = text.replacingLiteral("*", with: "") }
        if text.containsASCII("\\") { text = text.replacingPattern(#"\\([\\`*_\[\]().!-])"#, with: "$1") }
        let collapsed = text.collapsingWhitespace()
        return collapsed.allSatisfy({ "-_= ".contains($0) }) ? "" : collapsed
    }
}
