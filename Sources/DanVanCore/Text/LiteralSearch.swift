/// Literal search, splitting and trimming over UTF-8 bytes. Foundation's `range(of:)`,
/// `components(separatedBy:)` and `trimmingCharacters(in:)` bridge every call to UTF-16 and
/// were a third of the reader's time; these do the same for literal needles without copying.
/// A match of a valid UTF-8 needle always starts and ends on scalar boundaries, and one that
/// would end inside a character is skipped, as Foundation does.
public extension StringProtocol {
    /// The first place `needle` occurs, compared byte for byte.
    func rangeOfLiteral(_ needle: String) -> Range<Index>? {
        rangeOfLiteral(needle, from: startIndex)
    }

    func rangeOfLiteral(_ needle: String, from start: Index) -> Range<Index>? {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        let view = utf8
        var cursor = start
        while let candidate = view[cursor...].firstIndex(of: first) {
            var probe = candidate, matched = 0
            while matched < bytes.count, probe < view.endIndex, view[probe] == bytes[matched] {
                matched += 1
                probe = view.index(after: probe)
            }
            if matched == bytes.count, !startsCombiningMark(at: probe) { return candidate..<probe }
            cursor = view.index(after: candidate)
        }
        return nil
    }

    /// A match followed by a combining mark ("về" + U+0301) ends inside a character: not a match.
    private func startsCombiningMark(at index: Index) -> Bool {
        guard index < endIndex, utf8[index] >= 0xCC else { return false }
        return unicodeScalars[index].properties.isGraphemeExtend
    }

    func containsLiteral(_ needle: String) -> Bool {
        rangeOfLiteral(needle) != nil
    }

    /// The pieces between occurrences of `separator`, empty ones kept, as `components(separatedBy:)`.
    func splitLiteral(_ separator: String) -> [String] {
        var pieces: [String] = []
        var start = startIndex
        while let found = rangeOfLiteral(separator, from: start) {
            pieces.append(String(self[start..<found.lowerBound]))
            start = found.upperBound
        }
        pieces.append(String(self[start...]))
        return pieces
    }

    func replacingLiteral(_ needle: String, with replacement: String) -> String {
        guard rangeOfLiteral(needle) != nil else { return String(self) }
        return splitLiteral(needle).joined(separator: replacement)
    }

    /// Without the leading and trailing characters that are whitespace or in `extra`.
    func trimmed(_ extra: String = "") -> String {
        let drop: (Character) -> Bool = { $0.isFastWhitespace || extra.contains($0) }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Runs of whitespace collapsed to one space, with none at either end.
    func collapsingWhitespace() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isFastWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" "); pendingSpace = false }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

public extension Character {
    /// `isWhitespace` with an ASCII fast path; the general property lookup was a hot spot.
    var isFastWhitespace: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
        return isWhitespace
    }
}

public extension Unicode.Scalar {
    var isFastWhitespace: Bool {
        if isASCII { return value == 0x20 || (0x09...0x0D).contains(value) }
        return properties.isWhitespace
    }
}
