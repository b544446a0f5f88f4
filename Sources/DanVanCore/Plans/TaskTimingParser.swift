import Foundation

/// Reads "Tháng 01", "Hàng tháng", "Tháng 3, 9", "Tháng 4,10", "Quý I", "tháng 4/2023",
/// "Trước ngày 15/6/2023", "Theo văn bản chỉ đạo của tỉnh". A month outside 1–12 is reported.
public enum TaskTimingParser {
    public struct Result: Equatable, Sendable {
        public let timing: TaskTiming
        public let problem: String?
    }

    public static func parse(_ raw: String, planYear: Int? = nil) -> Result {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = VietnameseFolding.fold(text)
        if folded.containsLiteral("theo van ban chi dao") || folded.containsLiteral("theo chi dao") || folded.containsLiteral("theo huong dan")
            || folded.hasPrefix("khi co ") || folded.containsLiteral("dot xuat") {
            return Result(timing: TaskTiming(raw: text, asDirected: true), problem: nil)
        }
        if folded.containsLiteral("hang thang") || folded.containsLiteral("moi thang") {
            return Result(timing: TaskTiming(raw: text, months: Array(1...12), recurrence: .monthly), problem: nil)
        }
        if folded.containsLiteral("hang quy") || folded.containsLiteral("moi quy") {
            return Result(timing: TaskTiming(raw: text, months: [3, 6, 9, 12], recurrence: .quarterly), problem: nil)
        }
        if let deadline = VietnameseDate.first(in: text)?.date {
            return Result(timing: TaskTiming(raw: text, months: [deadline.month], deadline: deadline), problem: nil)
        }
        if let monthYear = text.captures(#"(?i)tháng\s+(\d{1,2})\s*/\s*(\d{4})"#), let month = Int(monthYear[0]), let year = Int(monthYear[1]) {
            guard (1...12).contains(month), let end = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)) else {
                return Result(timing: TaskTiming(raw: text), problem: "Tháng \(month) không tồn tại.")
            }
            return Result(timing: TaskTiming(raw: text, months: [month], deadline: end), problem: nil)
        }
        if let quarters = quarters(in: folded) {
            // "quý III/2018": due at the quarter's end.
            if quarters.count == 1, let year = folded.captures(#"quy\s+[ivx\d]+\s*/\s*(\d{4})"#)?.first.flatMap(Int.init) {
                let month = quarters[0] * 3
                return Result(timing: TaskTiming(raw: text, months: [month],
                                                 deadline: CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))),
                              problem: nil)
            }
            return Result(timing: TaskTiming(raw: text, months: quarters.map { $0 * 3 }), problem: nil)
        }
        return months(in: text, folded: folded)
    }

    private static func months(in text: String, folded: String) -> Result {
        guard folded.containsLiteral("thang") else {
            return Result(timing: TaskTiming(raw: text), problem: text.isEmpty ? nil : "Không đọc được thời gian \"\(text)\".")
        }
        var months: [Int] = []
        let afterWord = folded.splitLiteral("thang").dropFirst().joined(separator: " ")
        for range in afterWord.split(whereSeparator: { ",;và".contains($0) || $0 == " " && false }) {
            let part = range.trimmed()
            if let bounds = part.captures(#"^(\d{1,2})\s*(?:-|–|den)\s*(\d{1,2})"#), let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high {
                months += Array(low...high)
            } else {
                months += part.split(separator: " ").compactMap { Int($0) }
            }
        }
        if let bad = months.first(where: { !(1...12).contains($0) }) {
            return Result(timing: TaskTiming(raw: text), problem: "Tháng \(bad) không tồn tại.")
        }
        return Result(timing: TaskTiming(raw: text, months: Array(Set(months)).sorted()),
                      problem: months.isEmpty ? "Không đọc được tháng trong \"\(text)\"." : nil)
    }

    private static func quarters(in folded: String) -> [Int]? {
        guard let found = folded.captures(#"quy\s+([ivx\d ,va]+)"#)?.first else { return nil }
        let roman = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
        let values = found.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { roman[String($0)] }
        return values.isEmpty ? nil : values
    }
}
