extension PublicationRule {
    /// The issuing documents of the shipped list.
    public static let shippedSource = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (Điều 11–13); Thông tư 343/2016/TT-BTC (công khai ngân sách)"

    /// The list a commune publishes, as shipped (in force from 1/7/2023). Deadlines and durations are
    /// the common reading of the law and the budget circular; a province that reads them otherwise
    /// adds its own version with its document (`danvan publications rules`), and old verdicts stay.
    public static let shipped: [PublicationRule] = [
        rule("ktxh-kehoach", "Kế hoạch phát triển kinh tế - xã hội hằng năm của xã", "Điều 11 khoản 2", .yearly, .periodStart, 31, 30, 0, ["tru_so", "cong_tt"]),
        rule("ns-dutoan", "Dự toán ngân sách xã được Hội đồng nhân dân xã quyết định", "Điều 11 khoản 3", .yearly, .periodStart, 31, 90, 0, ["tru_so", "cong_tt"]),
        rule("ns-thuchien", "Tình hình thực hiện dự toán ngân sách xã trong quý", "Điều 11 khoản 3", .quarterly, .periodEnd, 15, 30, 0, ["tru_so", "cong_tt"]),
        rule("ns-quyettoan", "Quyết toán ngân sách xã", "Điều 11 khoản 3", .yearly, .periodEnd, 212, 90, 0, ["tru_so", "cong_tt"]),
        rule("ktxh-ketqua", "Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội 6 tháng, năm", "Điều 11 khoản 2", .halfYearly, .periodEnd, 31, 30, 0, ["tru_so"]),
        rule("quy-dong-gop", "Quản lý, sử dụng các quỹ, khoản đầu tư, tài trợ và đóng góp của Nhân dân", "Điều 11 khoản 4", .yearly, .periodEnd, 31, 30, 0, ["tru_so", "nha_van_hoa"]),
        rule("khieu-nai", "Số lượng, kết quả giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh", "Điều 11 khoản 10", .halfYearly, .periodEnd, 31, 30, 0, ["tru_so"]),
        rule("dat-quyhoach", "Quy hoạch, kế hoạch sử dụng đất chi tiết cấp xã", "Điều 11 khoản 5", .once, .periodStart, 0, 30, 0, ["tru_so", "cong_tt"]),
        rule("dat-thuhoi", "Dự án, thu hồi đất, bồi thường, hỗ trợ, tái định cư trên địa bàn", "Điều 11 khoản 6", .once, .periodStart, 0, 30, 3, ["tru_so", "loa"]),
        rule("tthc", "Thủ tục hành chính, thủ tục giải quyết công việc của người dân", "Điều 11 khoản 7", .once, .periodStart, 0, 0, 0, ["tru_so"]),
        rule("lay-y-kien", "Nội dung lấy ý kiến Nhân dân và kết quả tiếp thu, giải trình", "Điều 11 khoản 12; Điều 28", .once, .periodStart, 0, 20, 0, ["nha_van_hoa", "loa"]),
        rule("ket-qua-bieu-quyet", "Kết quả Nhân dân bàn và quyết định trực tiếp", "Điều 11 khoản 12; Điều 19", .once, .periodStart, 0, 30, 0, ["nha_van_hoa"]),
    ]

    private static func rule(_ code: String, _ title: String, _ article: String, _ frequency: PublicationFrequency, _ dueFrom: DueFrom,
                             _ dueDays: Int, _ minDays: Int, _ loudspeakerDays: Int, _ forms: [String]) -> PublicationRule {
        PublicationRule(id: 0, code: code, title: title, article: article + ", Luật 10/2022/QH15", frequency: frequency, dueFrom: dueFrom,
                        dueDays: dueDays, minDays: minDays, loudspeakerDays: loudspeakerDays, forms: forms,
                        validFrom: .literal("2023-07-01"), validTo: nil)
    }
}
