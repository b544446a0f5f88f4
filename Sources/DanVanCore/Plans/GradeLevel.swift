import Foundation

/// A grade named in a target: "xếp loại … loại “Tốt”", "đạt loại tốt", "đạt từ khá trở lên",
/// "Hoàn thành tốt nhiệm vụ". The level is written as classification writes it ("Tốt", "Khá").
struct GradeLevel {
    let level: String
    /// "từ khá trở lên": this grade or better.
    let atLeast: Bool
    let subject: String
    let range: Range<String.Index>

    private static let grades = ["hoàn thành xuất sắc nhiệm vụ", "hoàn thành tốt nhiệm vụ", "hoàn thành nhiệm vụ", "xuất sắc", "tốt", "khá",
                                 "trung bình", "vững mạnh", "trong sạch, vững mạnh"]

    static func find(in clause: String) -> GradeLevel? {
        let lowered = clause.lowercased()
        guard lowered.contains("loại") || lowered.contains("trở lên") || lowered.contains("hoàn thành") else { return nil }
        let names = grades.joined(separator: "|")
        if let range = clause.rangeOfPattern(#"(?i)(?:đạt\s+)?từ\s+(?:loại\s+)?[“"]?("# + names + #")[”"]?\s+trở\s+lên"#),
           let name = String(clause[range]).lowercased().captures(#"từ\s+(?:loại\s+)?[“"]?("# + names + #")"#)?.first {
            return GradeLevel(level: written(name), atLeast: true, subject: subject(clause, before: range), range: range)
        }
        if let range = clause.rangeOfPattern(#"(?i)(?:xếp\s+)?loại\s+[“"]?("# + names + #")[”"]?"#),
           let name = String(clause[range]).lowercased().captures(#"loại\s+[“"]?("# + names + #")"#)?.first {
            return GradeLevel(level: written(name), atLeast: false, subject: subject(clause, before: range), range: range)
        }
        return nil
    }

    private static func written(_ name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The words before the grade, without the verbs that introduce it.
    private static func subject(_ clause: String, before range: Range<String.Index>) -> String {
        let head = String(clause[..<range.lowerBound])
            .replacingPattern(#"(?i)\s*(?:được\s+)?(?:đánh giá,?\s*)?(?:xếp loại|đạt)\s*$"#, with: "")
        return head.trimmed(" ,.-–").replacingPattern(#"(?i)^phấn đấu\s+"#, with: "")
    }
}
