import DanVanCore
import Foundation

/// Why a document is not a plan, in words that name what it looks like instead.
enum NotAPlan {
    /// A news item speaks of a plan in the third person: "Kế hoạch cũng nêu …", "theo Kế hoạch …".
    static func thirdPersonMention(_ lines: [PlanLine]) -> (number: Int, text: String)? {
        let pattern = #"(?:[Kk]ế hoạch|[Đđ]ề án|[Cc]hương trình)\s+(?:cũng\s+)?(?:nêu|đề ra|xác định|đặt ra|gồm|có)\b[^.;]{0,60}"#
        for line in lines where !line.isTableRow && !line.text.isEmpty {
            if let range = line.text.rangeOfPattern(pattern) { return (line.number, String(line.text[range]).clippedAtWord(70)) }
        }
        for line in lines where !line.isTableRow && line.text.count > 200 {
            if let range = line.text.rangeOfPattern(#"(?:thực hiện|triển khai)\s+(?:Đề án|Kế hoạch|Chương trình)[^.;,]{0,60}"#) {
                return (line.number, String(line.text[range]).clippedAtWord(70))
            }
        }
        return nil
    }

    static func otherKind(word: String, type: String) -> String {
        let name = word.capitalized(with: Locale(identifier: "vi")).prefix(1) + word.lowercased().dropFirst()
        let why: String
        switch type {
        case "BC": why = "một báo cáo kể lại việc đã làm và kết quả, không đặt chỉ tiêu và nhiệm vụ cho thời gian tới"
        case "HD": why = "một hướng dẫn chỉ cách làm một việc, không giao chỉ tiêu và nhiệm vụ của một năm"
        case "QĐ": why = "một quyết định ban hành hay giao một việc; nếu kèm theo kế hoạch, hãy nhập tệp kế hoạch"
        case "TB", "KL": why = "một thông báo hay kết luận truyền đạt ý kiến, không phải kế hoạch thực hiện"
        default: why = "tiêu đề của nó không phải \"KẾ HOẠCH\" hay \"CHƯƠNG TRÌNH\""
        }
        return "Văn bản là \(name) (tiêu đề \"\(word)\"), không phải kế hoạch: \(why)."
    }
}
