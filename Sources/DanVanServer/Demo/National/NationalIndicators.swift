import DanVanCore

/// The twenty indicators of the synthetic national plan, each with the target set on it.
enum NationalIndicators {
    struct Definition {
        let name: String
        let kind: IndicatorKind
        let target: Threshold
        let perUnit: Threshold?
    }

    static let all: [Definition] = ratios + counts + yesNos + coverages

    private static func ratio(_ name: String, _ comparator: TargetComparator, _ value: Double) -> Definition {
        Definition(name: name, kind: .ratio, target: Threshold(comparator, value, measure: .percent), perUnit: nil)
    }

    private static let ratios: [Definition] = [
        ratio("Cán bộ, đảng viên được tập huấn nghiệp vụ công tác dân vận", .gt, 85),
        ratio("Hộ gia đình đạt danh hiệu \"Gia đình văn hóa\"", .ge, 90),
        ratio("Kiến nghị, phản ánh của Nhân dân được giải quyết đúng hạn", .ge, 95),
        ratio("Cán bộ, công chức được đánh giá hoàn thành tốt nhiệm vụ trở lên", .gt, 90),
        ratio("Đảng viên được phân công theo dõi hộ gia đình", .ge, 80),
        ratio("Khu dân cư đạt chuẩn văn hóa", .ge, 85),
        ratio("Đoàn viên, hội viên tham gia sinh hoạt thường xuyên", .gt, 75),
        ratio("Hộ nghèo được hỗ trợ sinh kế", .ge, 70),
        ratio("Quy chế dân chủ ở cơ sở được thực hiện đầy đủ", .eq, 100),
        ratio("Cuộc họp dân có ý kiến tham gia của Nhân dân được tiếp thu", .ge, 90),
    ]

    private static let counts: [Definition] = [
        Definition(name: "Cuộc đối thoại trực tiếp của người đứng đầu với Nhân dân", kind: .count,
                   target: Threshold(.ge, 1, measure: .count), perUnit: nil),
        Definition(name: "Mô hình \"Dân vận khéo\" được công nhận", kind: .count, target: Threshold(.ge, 1, measure: .count), perUnit: nil),
        Definition(name: "Cuộc kiểm tra, giám sát công tác dân vận", kind: .count, target: Threshold(.ge, 2, measure: .count), perUnit: nil),
        Definition(name: "Lớp tập huấn công tác dân vận", kind: .count, target: Threshold(.ge, 1, measure: .count), perUnit: nil),
        Definition(name: "Điểm nóng, khiếu kiện đông người phát sinh", kind: .count, target: Threshold(.eq, 0, measure: .count), perUnit: nil),
    ]

    private static let yesNos: [Definition] = [
        Definition(name: "Ban hành kế hoạch công tác dân vận năm", kind: .yesNo, target: Threshold(.eq, 100, measure: .percent), perUnit: nil),
        Definition(name: "Kiện toàn Khối dân vận", kind: .yesNo, target: Threshold(.eq, 100, measure: .percent), perUnit: nil),
    ]

    private static let coverages: [Definition] = [
        Definition(name: "Chi bộ trực thuộc xây dựng được 01 mô hình \"Dân vận khéo\"", kind: .childCoverage,
                   target: Threshold(.eq, 100, measure: .percent), perUnit: Threshold(.ge, 1, measure: .count)),
        Definition(name: "Đơn vị trực thuộc tổ chức ít nhất 01 cuộc đối thoại", kind: .childCoverage,
                   target: Threshold(.ge, 95, measure: .percent), perUnit: Threshold(.ge, 1, measure: .count)),
        Definition(name: "Đơn vị trực thuộc không để xảy ra điểm nóng", kind: .childCoverage,
                   target: Threshold(.eq, 100, measure: .percent), perUnit: Threshold(.ge, 1, measure: .count)),
    ]
}
