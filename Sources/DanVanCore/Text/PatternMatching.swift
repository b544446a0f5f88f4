import Foundation

/// Compiled regular expressions, kept per thread: the reader matches the same few dozen
/// patterns on every line, and compiling one costs more than matching it. Per thread because
/// swift-corelibs-foundation does not document NSRegularExpression as safe to share across
/// threads, and requests are read on many threads at once.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private static let key = "danvan.regex-cache"

    func regex(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression? {
        let key = (caseInsensitive ? "i:" : "s:") + pattern
        let cache: NSMutableDictionary
        if let existing = Thread.current.threadDictionary[Self.key] as? NSMutableDictionary {
            cache = existing
        } else {
            cache = NSMutableDictionary()
            Thread.current.threadDictionary[Self.key] = cache
        }
        if let regex = cache[key] as? NSRegularExpression { return regex }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else { return nil }
        cache[key] = regex
        return regex
    }
}

public extension String {
    /// The capture groups of the first match of `pattern`, or nil. Unmatched groups are "".
    func captures(_ pattern: String, caseInsensitive: Bool = false) -> [String]? {
        guard let regex = RegexCache.shared.regex(pattern, caseInsensitive: caseInsensitive),
              let match = regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)) else { return nil }
        return (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: self).map { String(self[$0]) } ?? ""
        }
    }

    /// Every match of `pattern` replaced by `template` ("$1" names a group).
    func replacingPattern(_ pattern: String, with template: String, caseInsensitive: Bool = false) -> String {
        guard let regex = RegexCache.shared.regex(pattern, caseInsensitive: caseInsensitive) else { return self }
        return regex.stringByReplacingMatches(in: self, range: NSRange(startIndex..., in: self), withTemplate: template)
    }

    /// Where `pattern` first matches, or nil.
    func rangeOfPattern(_ pattern: String, caseInsensitive: Bool = false) -> Range<String.Index>? {
        guard let regex = RegexCache.shared.regex(pattern, caseInsensitive: caseInsensitive),
              let match = regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)) else { return nil }
        return Range(match.range, in: self)
    }
}
