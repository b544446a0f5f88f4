import Foundation

/// Dates as official documents write them: "16/01/2023", "7/2/2023", "16-01-2023",
/// "ngày 17 tháng 01 năm 2024". A draft's "ngày tháng năm 2025" is no date.
public enum VietnameseDate {
    /// The first full date in the text and where it ends, or nil.
    public static func first(in text: String) -> (date: CivilDate, range: Range<String.Index>)? {
        let patterns = [
            #"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"#,
            #"(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"#,
        ]
        guard text.containsASCIIDigit else { return nil }
        var best: (CivilDate, Range<String.Index>)?
        for pattern in patterns {
            guard let match = text.firstMatchOfPattern(pattern), let range = Range(match.range, in: text) else { continue }
            let parts = (1...3).compactMap { Range(match.range(at: $0), in: text).flatMap { Int(text[$0]) } }
            guard parts.count == 3, let date = CivilDate(year: parts[2], month: parts[1], day: parts[0]) else { continue }
            if let current = best, current.1.lowerBound <= range.lowerBound { continue }
            best = (date, range)
        }
        return best.map { (date: $0.0, range: $0.1) }
    }
}
