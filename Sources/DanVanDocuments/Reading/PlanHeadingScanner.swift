import DanVanCore

/// Reads a heading's label by hand ("II. NỘI DUNG", "2.1. Các cấp ủy ...", "3) ...", "a) ...");
/// every line of a plan is tried, and patterns were a large share of the reader's time.
/// A numbered label must be followed by a space and a title; a Roman one may run into it.
struct PlanHeadingScanner {
    private let scalars: String.UnicodeScalarView
    private var cursor: String.Index

    init(_ text: String) {
        scalars = text.unicodeScalars
        cursor = scalars.startIndex
    }

    typealias Heading = (number: String, title: String, level: Int)

    /// The label, its title and its level, or nil when the line is no heading.
    /// `isHeadingLike` vets the title of a numbered (not Roman) heading.
    mutating func heading(isHeadingLike: (String) -> Bool) -> Heading? {
        guard let first = peek else { return nil }
        if "IVX".unicodeScalars.contains(first) { return roman() }
        if first.isASCIIDigit { return numbered(isHeadingLike) }
        if first == "đ" || ("a"..."z").contains(first) {
            advance()
            guard peek == ")", advance(), skipSpaces() > 0, let title = rest(), isHeadingLike(title) else { return nil }
            return (String(first), title, 5)
        }
        return nil
    }

    /// "IV. TỔ CHỨC THỰC HIỆN", "II) ...", "I - NHIỆM VỤ" (as some offices and web pages write it).
    private mutating func roman() -> Heading? {
        let label = take { "IVX".unicodeScalars.contains($0) }
        guard (1...5).contains(label.count) else { return nil }
        let spaces = skipSpaces()
        if peek == "-" || peek == "\u{2013}" {
            guard spaces > 0 else { return nil }
        } else {
            guard peek == "." || peek == ")" else { return nil }
        }
        advance()
        skipSpaces()
        guard let title = rest() else { return nil }
        return (label, title, 1)
    }

    /// "1. ...", "1) ...", "2.1 ...", "2.1. ...", "1.2.3. ...".
    private mutating func numbered(_ isHeadingLike: (String) -> Bool) -> Heading? {
        var parts = [take { $0.isASCIIDigit }]
        guard parts[0].count <= 2 else { return nil }
        while parts.count < 3, peek == ".", let next = scalar(after: cursor), next.isASCIIDigit {
            advance()
            let part = take { $0.isASCIIDigit }
            guard part.count <= 2 else { return nil }
            parts.append(part)
        }
        if parts.count > 1 {
            if peek == "." { advance() }
        } else {
            skipSpaces()
            guard peek == "." || peek == ")" else { return nil }
            advance()
        }
        guard skipSpaces() > 0, let title = rest(), isHeadingLike(title) else { return nil }
        return (parts.joined(separator: "."), title, parts.count == 1 ? 2 : parts.count + 1)
    }

    private var peek: Unicode.Scalar? {
        cursor < scalars.endIndex ? scalars[cursor] : nil
    }

    private func scalar(after index: String.Index) -> Unicode.Scalar? {
        let next = scalars.index(after: index)
        return next < scalars.endIndex ? scalars[next] : nil
    }

    @discardableResult
    private mutating func advance() -> Bool {
        guard cursor < scalars.endIndex else { return false }
        scalars.formIndex(after: &cursor)
        return true
    }

    @discardableResult
    private mutating func skipSpaces() -> Int {
        take { $0.isFastWhitespace }.unicodeScalars.count
    }

    private mutating func take(while matches: (Unicode.Scalar) -> Bool) -> String {
        let start = cursor
        while let scalar = peek, matches(scalar) { advance() }
        return String(scalars[start..<cursor])
    }

    private func rest() -> String? {
        cursor < scalars.endIndex ? String(scalars[cursor...]) : nil
    }
}

private extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}
