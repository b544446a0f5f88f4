import Foundation

/// Dates as official documents write them: "16/01/2023", "7/2/2023", "16-01-2023",
/// "ngày 17 tháng 01 năm 2024". A draft's "ngày tháng năm 2025" is no date.
public enum VietnameseDate {
    private static let wordedPattern = #"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"#

    /// The first full date in the text and where it ends, or nil.
    public static func first(in text: String) -> (date: CivilDate, range: Range<String.Index>)? {
        guard text.containsASCIIDigit else { return nil }
        var best = numeric(in: text)
        if ["tháng", "Tháng", "THÁNG"].contains(where: text.containsLiteral), let worded = worded(in: text),
           best.map({ worded.range.lowerBound < $0.range.lowerBound }) ?? true {
            best = worded
        }
        return best
    }

    /// "16/01/2023", "7.2.2023", "16 - 01 - 2023": the first such date that exists, starting
    /// at a number's first digit ("31/02/2023" is no date, and not 1 February either).
    private static func numeric(in text: String) -> (date: CivilDate, range: Range<String.Index>)? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let afterDigit = index > 0 && (0x30...0x39).contains(bytes[index - 1])
            if !afterDigit, let (parts, end) = numericDate(bytes, at: index),
               let date = CivilDate(year: parts[2], month: parts[1], day: parts[0]) {
                let utf8 = text.utf8
                return (date, utf8.index(utf8.startIndex, offsetBy: index)..<utf8.index(utf8.startIndex, offsetBy: end))
            }
            index += 1
        }
        return nil
    }

    /// day, month (one or two digits) and year (four), each pair joined by "/", "." or "-"
    /// with optional spaces around it.
    private static func numericDate(_ bytes: [UInt8], at start: Int) -> ([Int], Int)? {
        var cursor = start
        var parts: [Int] = []
        for (position, widths) in [(0, 1...2), (1, 1...2), (2, 4...4)] {
            if position > 0 {
                while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
                guard cursor < bytes.count, [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "-")].contains(bytes[cursor]) else { return nil }
                cursor += 1
                while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
            }
            var value = 0, digits = 0
            while cursor < bytes.count, digits < widths.upperBound, (0x30...0x39).contains(bytes[cursor]) {
                value = value * 10 + Int(bytes[cursor] - 0x30)
                digits += 1
                cursor += 1
            }
            guard widths.contains(digits) else { return nil }
            parts.append(value)
        }
        return (parts, cursor)
    }

    private static func worded(in text: String) -> (date: CivilDate, range: Range<String.Index>)? {
        guard let match = text.firstMatchOfPattern(wordedPattern), let range = Range(match.range, in: text) else { return nil }
        let parts = (1...3).compactMap { Range(match.range(at: $0), in: text).flatMap { Int(text[$0]) } }
        guard parts.count == 3, let date = CivilDate(year: parts[2], month: parts[1], day: parts[0]) else { return nil }
        return (date, range)
    }
}
