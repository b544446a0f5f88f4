import Testing
@testable import DanVanDocuments

@Suite("Plan headings")
struct PlanHeadingTests {
    @Test("labels of every level are read with their titles")
    func levels() throws {
        let cases: [(String, String, String, Int)] = [
            ("II. NỘI DUNG", "II", "NỘI DUNG", 1), ("IV) TỔ CHỨC THỰC HIỆN", "IV", "TỔ CHỨC THỰC HIỆN", 1),
            ("1. Mục đích", "1", "Mục đích", 2), ("3) Yêu cầu", "3", "Yêu cầu", 2), ("2 . Nhiệm vụ", "2", "Nhiệm vụ", 2),
            ("2.1. Các cấp ủy", "2.1", "Các cấp ủy", 3), ("2.1 Các cấp ủy", "2.1", "Các cấp ủy", 3),
            ("1.2.3. Chi tiết", "1.2.3", "Chi tiết", 4), ("a) Tuyên truyền", "a", "Tuyên truyền", 5), ("đ) Kiểm tra", "đ", "Kiểm tra", 5),
        ]
        for (text, number, title, level) in cases {
            let found = try #require(PlanSectionReader.heading(text), "\(text)")
            #expect(found.number == number && found.title == title && found.level == level, "\(text)")
        }
    }

    @Test("numbered paragraphs, figures and ordinary lines are not headings")
    func notHeadings() {
        for text in ["1. Tổ chức tuyên truyền sâu rộng.", "100% chi bộ có mô hình", "123. Quá dài", "1.2.3.4 Bốn tầng",
                     "2024 là năm", "Văn phòng Huyện ủy", "IIII. Không phải số La Mã", "II.", "a)", "a)Không cách", "1.Không cách",
                     "VI Thiếu dấu", ""] {
            #expect(PlanSectionReader.heading(text) == nil, "\(text)")
        }
    }
}
