import DanVanCore
import Foundation

/// A numbered heading and the lines under it until the next heading.
struct SectionSpan {
    let number: String
    let heading: String
    let line: Int
    let level: Int
    /// Headings from the top down to this one, folded, for "is this a targets section".
    let path: [String]
    var bodyIndices: [Int] = []
}

/// Finds the heading tree: I., II. → 1. → 1.1 → a). A numbered line ending with a full stop is
/// a numbered paragraph, not a heading.
enum PlanSectionReader {
    static func heading(_ text: String) -> (number: String, title: String, level: Int)? {
        var scanner = PlanHeadingScanner(text)
        guard let found = scanner.heading(isHeadingLike: isHeadingLike) else { return nil }
        return found.level == 1 && !isRoman(found.number) ? nil : found
    }

    /// Whether a line starts with a heading's label, whatever follows it.
    static func label(_ text: String) -> String? {
        var scanner = PlanHeadingScanner(text)
        return scanner.heading(isHeadingLike: { _ in true })?.number
    }

    private static func isRoman(_ text: String) -> Bool {
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"].contains(text)
    }

    private static func isHeadingLike(_ title: String) -> Bool {
        !title.hasSuffix(".") && !title.hasSuffix(";") && title.count <= 320
    }

    /// Sections between `start` and `end` (exclusive), each with the body lines it owns.
    static func spans(_ lines: [PlanLine], from start: Int, to end: Int) -> [SectionSpan] {
        var spans: [SectionSpan] = []
        var stack: [SectionSpan] = []
        for index in start..<max(start, end) where !lines[index].isTableRow {
            let text = lines[index].text
            guard !text.isEmpty else { continue }
            if let found = heading(text) {
                while let last = stack.last, last.level >= found.level { stack.removeLast() }
                let span = SectionSpan(number: found.number, heading: found.title, line: lines[index].number, level: found.level,
                                       path: stack.map(\.path).last.map { $0 + [VietnameseFolding.fold(found.title)] }
                                           ?? [VietnameseFolding.fold(found.title)])
                stack.append(span)
                spans.append(span)
            } else if !spans.isEmpty {
                spans[spans.count - 1].bodyIndices.append(index)
            }
        }
        return spans
    }

    /// Nests the flat list of spans into the heading tree.
    static func tree(_ spans: [SectionSpan]) -> [PlanDocument.Section] {
        var roots: [PlanDocument.Section] = []
        var stack: [(level: Int, path: [Int])] = []
        for span in spans {
            while let last = stack.last, last.level >= span.level { stack.removeLast() }
            let node = PlanDocument.Section(number: span.number, heading: span.heading, line: span.line, children: [])
            if let parent = stack.last {
                insert(node, at: parent.path, into: &roots)
                stack.append((span.level, parent.path + [childCount(at: parent.path, in: roots) - 1]))
            } else {
                roots.append(node)
                stack.append((span.level, [roots.count - 1]))
            }
        }
        return roots
    }

    private static func insert(_ node: PlanDocument.Section, at path: [Int], into sections: inout [PlanDocument.Section]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            sections[first].children.append(node)
        } else {
            insert(node, at: Array(path.dropFirst()), into: &sections[first].children)
        }
    }

    private static func childCount(at path: [Int], in sections: [PlanDocument.Section]) -> Int {
        guard let first = path.first else { return 0 }
        return path.count == 1 ? sections[first].children.count : childCount(at: Array(path.dropFirst()), in: sections[first].children)
    }
}
