/// Byte-level primitives behind the literal search: finding a needle and recognising
/// whitespace in UTF-8 without decoding characters.
enum UTF8Bytes {
    /// The byte offsets of the first match of `needle` at or after `origin`. A match followed
    /// by a combining mark ("về" + U+0301) ends inside a character and is skipped.
    static func firstMatch(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, from origin: Int) -> Range<Int>? {
        var needle = needle
        return needle.withUTF8 { pattern -> Range<Int>? in
            guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
            var index = origin
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first, matches(pattern, in: bytes, at: index), !startsCombiningMark(bytes, at: index + pattern.count) {
                    return index..<(index + pattern.count)
                }
                index += 1
            }
            return nil
        }
    }

    static func firstMatch(ofAny needles: [String], in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        needles.compactMap { firstMatch(of: $0, in: bytes, from: 0) }
            .min { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
    }

    private static func matches(_ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var offset = 1
        while offset < pattern.count {
            if bytes[index + offset] != pattern[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Combining marks start at U+0300 (lead byte 0xCC), so lower bytes need no decoding.
    private static func startsCombiningMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count, bytes[index] >= 0xCC, let scalar = scalar(bytes, at: index) else { return false }
        return scalar.properties.isGraphemeExtend
    }

    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// How many bytes of whitespace start at `index` (0 if none): ASCII spaces and controls
    /// \t...\r, NEL, no-break space, U+1680, the U+2000 spaces, line and paragraph separators,
    /// U+202F, U+205F and the ideographic space, as `Character.isWhitespace` counts them.
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0
        case 0xE2:
            let (second, third) = (next(1), next(2))
            let space = second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF)
            return space || (second == 0x81 && third == 0x9F) ? 3 : 0
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Whether collapsing whitespace would change nothing: single spaces between words only.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var afterSpace = true
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x20 {
                if afterSpace { return false }
                afterSpace = true
            } else if byte < 0x80 ? (0x09...0x0D).contains(byte) : whitespaceWidth(bytes, at: index) > 0 {
                return false
            } else {
                afterSpace = false
            }
        }
        return !afterSpace || bytes.isEmpty
    }
}
