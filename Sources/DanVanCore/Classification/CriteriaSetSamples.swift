/// Two sets in the layout of `CriteriaTable`, modelled on real ones, for the demo and the tests:
/// a provincial set for "dân vận chính quyền" in the shape of Bắc Kạn's 1878-QĐ/TU (8 groups worth
/// 90 points scored by the unit and appraised, 10 from the level above, a penalty, Tốt ≥ 80,
/// Khá 75 to under 80, a unit that does not submit in time is not classified), and the Front's
/// five bands for residential-area committees (90 / 80 / 65 / 50). The wording is illustrative.
public enum CriteriaSetSamples {
    public struct Sample: Sendable {
        public let title: String
        public let criteria: [[String]]
        public let bands: [[String]]
        public let gates: [[String]]

        public var definition: CriteriaSetDefinition {
            get throws { try CriteriaTable.read(criteria: criteria, bands: bands, gates: gates).get() }
        }
    }

    private static func row(_ number: String, _ text: String, _ points: String, _ kind: String = "", evidence: Bool = false,
                            above: Bool = false, binding: String = "") -> [String] {
        [number, text, points, kind, evidence ? "Có" : "", above ? "Cấp trên chấm" : "Đơn vị tự chấm", binding]
    }

    public static let governmentWork = Sample(
        title: "Tiêu chí đánh giá, xếp loại công tác dân vận chính quyền cấp xã",
        criteria: [CriteriaTable.criteriaHeader,
                   row("I", "Lãnh đạo, chỉ đạo, ban hành kế hoạch công tác dân vận chính quyền", "10"),
                   row("1", "Ban hành kế hoạch năm kịp thời, cụ thể hóa đủ nhiệm vụ của kế hoạch cấp trên", "5", "Định lượng", binding: "plan.coverage"),
                   row("2", "Phân công lãnh đạo, công chức phụ trách công tác dân vận chính quyền", "5", evidence: true),
                   row("II", "Thực hiện dân chủ ở cơ sở", "15"),
                   row("1", "Công khai thông tin theo Luật Thực hiện dân chủ ở cơ sở", "8", evidence: true),
                   row("2", "Tổ chức hội nghị cán bộ, công chức; lấy ý kiến Nhân dân", "7"),
                   row("III", "Tiếp công dân, đối thoại, giải quyết kiến nghị của Nhân dân", "15"),
                   row("1", "Người đứng đầu tiếp công dân định kỳ, đối thoại trực tiếp với Nhân dân", "8"),
                   row("2", "Giải quyết kiến nghị, phản ánh đúng thời hạn", "7"),
                   row("IV", "Cải cách hành chính, tinh thần, thái độ phục vụ Nhân dân", "10"),
                   row("1", "Giải quyết thủ tục hành chính đúng hạn", "5"),
                   row("2", "Tác phong, thái độ của cán bộ, công chức khi tiếp xúc với Nhân dân", "5"),
                   row("V", "Phong trào thi đua \"Dân vận khéo\"", "10"),
                   row("1", "Đăng ký, xây dựng mô hình, điển hình \"Dân vận khéo\"", "5", "Định lượng", binding: "models.registered"),
                   row("2", "Mô hình, điển hình được công nhận", "5", "Định lượng", evidence: true, binding: "models.recognised"),
                   row("VI", "Phối hợp với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội", "10"),
                   row("1", "Có quy chế phối hợp và thực hiện đúng quy chế", "5"),
                   row("2", "Giải quyết kiến nghị của Mặt trận và các đoàn thể", "5"),
                   row("VII", "Thực hiện nhiệm vụ, chỉ tiêu của kế hoạch công tác dân vận", "10"),
                   row("1", "Nhiệm vụ hoàn thành đúng thời hạn", "6", "Định lượng", binding: "tasks.on_time"),
                   row("2", "Chỉ tiêu đạt", "4", "Định lượng", binding: "targets.met"),
                   row("VIII", "Chế độ thông tin, báo cáo", "10"),
                   row("1", "Báo cáo định kỳ đầy đủ, đúng hạn", "10", "Định lượng", binding: "reports.on_time"),
                   row("IX", "Điểm đánh giá của cấp trên", "10", "Chấm trực tiếp", above: true),
                   row("1", "Đánh giá chung của cấp trên về công tác dân vận chính quyền", "10", "Chấm trực tiếp", above: true),
                   row("X", "Điểm trừ", "5", "Điểm trừ"),
                   row("1", "Để xảy ra khiếu kiện đông người, vượt cấp kéo dài", "5", "Điểm trừ"),
                   ["", "Tổng cộng", "100", "", "", "", ""]],
        bands: [CriteriaTable.bandHeader, ["Tốt", "80", "100"], ["Khá", "75", "80"], ["Trung bình", "50", "75"], ["Yếu", "0", "50"]],
        gates: [CriteriaTable.gateHeader, ["Không gửi đúng hạn: Không đủ điều kiện xếp loại"]])

    public static let frontCommittees = Sample(
        title: "Tiêu chí đánh giá, xếp loại hoạt động Ban Công tác Mặt trận khu dân cư",
        criteria: [CriteriaTable.criteriaHeader,
                   row("I", "Công tác tuyên truyền, vận động Nhân dân", "20"),
                   row("1", "Tuyên truyền chủ trương của Đảng, chính sách, pháp luật của Nhà nước", "10"),
                   row("2", "Vận động Nhân dân thực hiện quy ước, hương ước", "10"),
                   row("II", "Tập hợp, đoàn kết các tầng lớp Nhân dân", "20"),
                   row("1", "Phát triển đoàn viên, hội viên", "10"),
                   row("2", "Hòa giải ở cơ sở, xây dựng khối đại đoàn kết", "10"),
                   row("III", "Cuộc vận động \"Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh\"", "25"),
                   row("1", "Tỷ lệ hộ gia đình văn hóa", "15", "Định lượng"),
                   row("2", "Mô hình, điển hình \"Dân vận khéo\" ở khu dân cư", "10", "Định lượng", binding: "models.registered"),
                   row("IV", "Giám sát, phản biện xã hội, tham gia xây dựng Đảng, chính quyền", "20"),
                   row("1", "Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng hoạt động", "10", evidence: true),
                   row("2", "Tổng hợp, phản ánh ý kiến, kiến nghị của Nhân dân", "10"),
                   row("V", "Công tác phối hợp, thông tin, báo cáo", "15"),
                   row("1", "Báo cáo đầy đủ, đúng hạn", "15", "Định lượng", binding: "reports.on_time"),
                   ["", "Tổng cộng", "100", "", "", "", ""]],
        bands: [CriteriaTable.bandHeader, ["Xuất sắc", "90", "100"], ["Tốt", "80", "90"], ["Khá", "65", "80"], ["Trung bình", "50", "65"], ["Yếu", "0", "50"]],
        gates: [CriteriaTable.gateHeader, ["Tỷ lệ Xuất sắc không quá 20%"]])
}
