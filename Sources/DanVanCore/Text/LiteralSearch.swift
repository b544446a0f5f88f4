import Foundation

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
        let origin = utf8.distance(from: startIndex, to: start)
        let found = withUTF8Bytes { UTF8Bytes.firstMatch(of: needle, in: $0, from: origin) }
        guard let found else { return nil }
        return utf8.index(startIndex, offsetBy: found.lowerBound)..<utf8.index(startIndex, offsetBy: found.upperBound)
    }

    /// The text's UTF-8 bytes without copying when it is stored natively (always, in the reader).
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(self)
        return copy.withUTF8(body)
    }

    func containsLiteral(_ needle: String) -> Bool {
        rangeOfLiteral(needle) != nil
    }

    /// The earliest place any of `needles` occurs (the longest, where two start together).
    func rangeOfFirstLiteral(among needles: [String]) -> Range<Index>? {
        let found = withUTF8Bytes { UTF8Bytes.firstMatch(ofAny: needles, in: $0) }
        guard let found else { return nil }
        return utf8.index(startIndex, offsetBy: found.lowerBound)..<utf8.index(startIndex, offsetBy: found.upperBound)
    }

    /// The last place `needle` occurs.
    func rangeOfLastLiteral(_ needle: String) -> Range<Index>? {
        var last: Range<Index>?
        while let found = rangeOfLiteral(needle, from: last?.upperBound ?? startIndex) { last = found }
        return last
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

    /// `count < length` without counting past `length` characters (counting walks graphemes).
    func isShorter(than length: Int) -> Bool {
        utf8.count < length || index(startIndex, offsetBy: length, limitedBy: endIndex) == nil
    }

    /// Without the leading and trailing characters that are whitespace or in `extra`.
    func trimmed(_ extra: String = "") -> String {
        let drop: (Character) -> Bool = { $0.isFastWhitespace || extra.contains($0) }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Runs of whitespace collapsed to one space, with none at either end.
    func collapsingWhitespace() -> String {
        withUTF8Bytes { bytes in
            if UTF8Bytes.isCollapsed(bytes) { return String(self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0, pendingSpace = false
            while index < bytes.count {
                let width = UTF8Bytes.whitespaceWidth(bytes, at: index)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    index += width
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(bytes[index])
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
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

public extension String {
    /// In Unicode composed form (NFC). Some Vietnamese keyboards ("Unicode tổ hợp") type a tone
    /// as a separate combining mark; the reader's words and patterns are written composed, and
    /// its byte searches compare bytes. Only text holding combining marks (U+0300–U+036F, lead
    /// bytes 0xCC and 0xCD) is normalised.
    var precomposed: String {
        let hasCombiningMark = withUTF8Bytes { $0.contains { $0 == 0xCC || $0 == 0xCD } }
        return hasCombiningMark ? precomposedStringWithCanonicalMapping : self
    }
}

extension Substring.UnicodeScalarView {
    func hasSuffix(_ suffix: String.UnicodeScalarView) -> Bool {
        reversed().starts(with: suffix.reversed())
    }
}
