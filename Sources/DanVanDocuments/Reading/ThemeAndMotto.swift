import DanVanCore

/// "… với chủ đề: “Năm … “Dân vận khéo” …”, theo phương châm: “…”": the year's theme and motto,
/// wherever the sentence puts them, with quotation marks inside quotation marks.
enum ThemeAndMotto {
    static func theme(in text: String) -> String? {
        quoted(after: #"(?i)chủ đề(?:\s+(?:của\s+)?năm(?:\s+\d{4})?)?\s*(?:là)?\s*(?::\s*|(?=[“"«]))"#, in: text, stopBefore: "phương châm")
    }

    static func motto(in text: String) -> String? {
        quoted(after: #"(?i)phương châm(?:\s+(?:hành động|chỉ đạo))?(?:\s+(?:của\s+)?năm(?:\s+\d{4})?)?\s*(?:là)?\s*(?::\s*|(?=[“"«]))"#, in: text, stopBefore: "chủ đề")
    }

    private static let opening: Set<Character> = ["“", "\"", "«", "„"]
    private static let closing: Set<Character> = ["”", "\"", "»", "“"]

    private static func quoted(after label: String, in text: String, stopBefore other: String) -> String? {
        guard let range = text.rangeOfPattern(label) else { return nil }
        var segment = text[range.upperBound...]
        if let next = segment.range(of: other, options: .caseInsensitive) { segment = segment[..<next.lowerBound] }
        guard let first = segment.first else { return nil }
        guard opening.contains(first) else {
            // No quotation marks: the words up to the end of the clause.
            let value = segment.prefix { !";.\n".contains($0) }.trimmingCharacters(in: .whitespaces)
            return value.isEmpty || value.count > 200 ? nil : value
        }
        let inner = segment.dropFirst()
        if first == "“", let end = balancedEnd(inner) { return clean(inner[..<end]) }
        // Straight or mismatched marks: up to the last closing mark before the next clause.
        guard let last = inner.lastIndex(where: { closing.contains($0) }) else { return nil }
        return clean(inner[..<last])
    }

    /// Where the quotation opened before `text` closes, counting “ … ” pairs inside it.
    private static func balancedEnd(_ text: Substring) -> Substring.Index? {
        var depth = 1
        for index in text.indices {
            switch text[index] {
            case "“": depth += 1
            case "”":
                depth -= 1
                if depth == 0 { return index }
            default: continue
            }
        }
        return nil
    }

    private static func clean(_ text: Substring) -> String? {
        let value = String(text).trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}
