import DanVanCore
import Foundation

/// Who leads and who coordinates, where running text says so: "Ban Dân vận Huyện ủy chủ trì,
/// phối hợp với các Ban đảng, Văn phòng Huyện ủy tham mưu ...", "Giao Khối Dân vận Đảng ủy tham mưu ...".
/// Literal checks go first: most lines assign nothing, and the patterns are costly.
enum AssignmentParser {
    typealias Assignment = (lead: [String], coordinating: [String])

    static func parse(_ text: String) -> Assignment {
        let body = ItemMarker.strip(text, numbering: .loose)
        if body.containsLiteral("chủ trì"), let found = leadBeforeChủTrì(body) {
            return found
        }
        if body.hasPrefix("Giao"), let g = body.captures(#"^Giao\s+(.{3,120}?)\s+(?:tham mưu|chủ trì|theo dõi|thực hiện)"#) {
            return ([g[0].trimmed()], [])
        }
        return ([], [])
    }

    private static func leadBeforeChủTrì(_ body: String) -> Assignment? {
        if let g = body.captures(#"^(.{3,120}?)\s+chủ trì,?\s*phối hợp(?: với)?\s+(.+?)(?:\s+(?:tham mưu|tổ chức|thực hiện|triển khai|xây dựng|kiểm tra|hướng dẫn|theo dõi)\b|[;.]|$)"#) {
            return ([g[0].trimmed()], UnitNameList.split(g[1]))
        }
        if let g = body.captures(#"^(.{3,120}?)\s+chủ trì\b"#) {
            return ([g[0].trimmed()], [])
        }
        return nil
    }

    /// "Sở Nội vụ có trách nhiệm …", "Các sở, ban, ngành tham mưu …": the unit a sentence starts with,
    /// up to the verb that gives it work.
    static func leadingUnit(_ text: String) -> String? {
        let body = ItemMarker.strip(text, numbering: .loose)
        let pattern = #"^((?:Sở|Ban|Văn phòng|Phòng|UBND|Ủy ban|Uỷ ban|Các|Mặt trận|MTTQ|Hội|Đảng ủy|Đảng uỷ|Trung tâm|Công an|Đoàn|Liên đoàn|Huyện|Thành|Tỉnh|Thường trực|Khối|Bộ|Cục|Chi bộ)[^.;:]{1,100}?)\s+(?:có trách nhiệm|chịu trách nhiệm|tham mưu|chủ trì|xây dựng|triển khai|tổ chức|hướng dẫn|theo dõi|báo cáo|thực hiện|căn cứ|phối hợp|rà soát|tổng hợp)\b"#
        return body.captures(pattern)?.first?.trimmed(" ,")
    }
}
