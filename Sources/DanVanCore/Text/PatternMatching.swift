import Foundation

/// Compiled regular expressions, kept: the reader matches the same few dozen patterns on every
/// line, and compiling one costs more than matching it.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]

    func regex(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression? {
        let key = (caseInsensitive ? "i:" : "s:") + pattern
        lock.lock()
        defer { lock.unlock() }
        if let regex = compiled[key] { return regex }
        let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        compiled[key] = regex
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
