import Foundation

/// A deadline written inside a task's sentence: "(trình quý III/2018)", "(trình tháng 3/2018)",
/// "Hoàn thành trong tháng 4/2023", "trước ngày 15/12/2024", "chậm nhất ngày 30/6/2024",
/// "xong trong quý II/2024". Returns the timing the phrase names, with the phrase as its text.
public enum DeadlinePhrase {
    private static let patterns = [
        #"(?i)(?:chậm nhất|hạn chót)(?:\s+là)?(?:\s+(?:ngày|vào ngày))?\s+(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})"#,
        #"(?i)trước\s+ngày\s+(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})"#,
        #"(?i)(?:hoàn thành|xong|trình|báo cáo|gửi)[^.;()]{0,40}?\b((?:trong|trước|vào)?\s*(?:tháng\s+\d{1,2}|quý\s+[IVX\d]{1,4})\s*/\s*\d{4})"#,
        #"\((?:trình|hoàn thành|thực hiện|báo cáo)?\s*((?:tháng\s+\d{1,2}|quý\s+[IVX\d]{1,4})\s*/\s*\d{4})\)"#,
    ]

    public static func timing(in text: String, planYear: Int? = nil) -> TaskTiming? {
        guard text.containsASCIIDigit else { return nil }
        for pattern in patterns {
            guard let phrase = text.captures(pattern)?.first else { continue }
            let parsed = TaskTimingParser.parse(phrase, planYear: planYear)
            if parsed.problem == nil, !parsed.timing.months.isEmpty || parsed.timing.deadline != nil { return parsed.timing }
        }
        return nil
    }
}
