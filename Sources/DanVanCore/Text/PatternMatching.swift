import Foundation

/// Compiled regular expressions, kept: the reader matches the same few dozen patterns on every
/// line, and compiling one costs more than matching it (most of the reader's time before this
/// cache). Each compiled expression is lent to one caller at a time: swift-corelibs-foundation
/// does not document NSRegularExpression as safe to share across threads, and requests are read
/// on many threads at once.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var idle: [String: [NSRegularExpression]] = [:]

    func withRegex<T>(_ pattern: String, caseInsensitive: Bool = false, _ body: (NSRegularExpression) -> T) -> T? {
        let key = (caseInsensitive ? "i:" : "s:") + pattern
        lock.lock()
        let lent = idle[key]?.popLast()
        lock.unlock()
        guard let regex = lent ?? (try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])) else {
            return nil
        }
        defer {
            lock.lock()
            idle[key, default: []].append(regex)
            lock.unlock()
        }
        return body(regex)
    }
}

public extension String {
    /// The capture groups of the first match of `pattern`, or nil. Unmatched groups are "".
    func captures(_ pattern: String, caseInsensitive: Bool = false) -> [String]? {
        guard let match = firstMatchOfPattern(pattern, caseInsensitive: caseInsensitive) else { return nil }
        return (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: self).map { String(self[$0]) } ?? ""
        }
    }

    /// Every match of `pattern` replaced by `template` ("$1" names a group).
    func replacingPattern(_ pattern: String, with template: String, caseInsensitive: Bool = false) -> String {
        RegexCache.shared.withRegex(pattern, caseInsensitive: caseInsensitive) {
            $0.stringByReplacingMatches(in: self, range: NSRange(startIndex..., in: self), withTemplate: template)
        } ?? self
    }

    /// Where `pattern` first matches, or nil.
    func rangeOfPattern(_ pattern: String, caseInsensitive: Bool = false) -> Range<String.Index>? {
        firstMatchOfPattern(pattern, caseInsensitive: caseInsensitive).flatMap { Range($0.range, in: self) }
    }

    /// The first match of `pattern`, or nil.
    func firstMatchOfPattern(_ pattern: String, caseInsensitive: Bool = false) -> NSTextCheckingResult? {
        RegexCache.shared.withRegex(pattern, caseInsensitive: caseInsensitive) {
            $0.firstMatch(in: self, range: NSRange(startIndex..., in: self))
        } ?? nil
    }

    /// Whether the text holds an ASCII digit: every figure, date and number needs one.
    var containsASCIIDigit: Bool {
        withUTF8Bytes { $0.contains { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// Every match of `pattern`, in order.
    func matchesOfPattern(_ pattern: String, caseInsensitive: Bool = false) -> [NSTextCheckingResult] {
        RegexCache.shared.withRegex(pattern, caseInsensitive: caseInsensitive) {
            $0.matches(in: self, range: NSRange(startIndex..., in: self))
        } ?? []
    }

    /// Whether the text holds this ASCII byte; a byte scan, not Foundation's substring search.
    func containsASCII(_ byte: Unicode.Scalar) -> Bool {
        let wanted = UInt8(truncatingIfNeeded: byte.value)
        return withUTF8Bytes { $0.contains(wanted) }
    }
}
