import Foundation

/// Who leads and who coordinates, where running text says so: "Ban Dân vận Huyện ủy chủ trì,
/// phối hợp với các Ban đảng, Văn phòng Huyện ủy tham mưu ...", "Giao Khối Dân vận Đảng ủy tham mưu ...".
enum AssignmentParser {
    static func parse(_ text: String) -> (lead: [String], coordinating: [String]) {
        let body = text.replacingPattern(#"^\s*(?:\d+(?:\.\d+)*\.?|[-–+•])\s*"#, with: "")
        if let g = body.captures(#"^(.{3,120}?)\s+chủ trì,?\s*phối hợp(?: với)?\s+(.+?)(?:\s+(?:tham mưu|tổ chức|thực hiện|triển khai|xây dựng|kiểm tra|hướng dẫn|theo dõi)\b|[;.]|$)"#) {
            return ([g[0].trimmingCharacters(in: .whitespaces)], UnitNameList.split(g[1]))
        }
        if let g = body.captures(#"^(.{3,120}?)\s+chủ trì\b"#) {
            return ([g[0].trimmingCharacters(in: .whitespaces)], [])
        }
        if let g = body.captures(#"^Giao\s+(.{3,120}?)\s+(?:tham mưu|chủ trì|theo dõi|thực hiện)"#) {
            return ([g[0].trimmingCharacters(in: .whitespaces)], [])
        }
        return ([], [])
    }
}
