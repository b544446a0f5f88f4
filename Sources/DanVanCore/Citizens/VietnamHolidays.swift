/// The public holidays of the current and the next year as DanVan ships them (Bộ luật Lao động
/// 2019, Điều 112, and the yearly notices of the Ministry of Home Affairs). The calendar is data:
/// an administrator corrects or adds days when the year's notice is issued.
public enum VietnamHolidays {
    static let law = "Bộ luật Lao động 2019, Điều 112"

    public static func days(for years: [Int]) -> [WorkCalendar.Day] {
        years.flatMap { year in table[year] ?? [] }
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int, _ kind: WorkCalendar.DayKind = .holiday, _ name: String,
                            _ citation: String = law) -> WorkCalendar.Day {
        // The table is literal and checked by tests; a wrong literal is a programming error.
        guard let date = CivilDate(year: year, month: month, day: day) else { preconditionFailure("\(year)-\(month)-\(day)") }
        return WorkCalendar.Day(date, kind, name, citation: citation)
    }

    private static let tet2026 = "Thông báo của Bộ Nội vụ về nghỉ Tết Bính Ngọ 2026 (cần kiểm tra)"
    private static let tet2027 = "Theo Bộ luật Lao động 2019, Điều 112; chờ thông báo của Bộ Nội vụ (cần kiểm tra)"

    static let table: [Int: [WorkCalendar.Day]] = [
        2026: [
            day(2026, 1, 1, name: "Tết Dương lịch"),
            day(2026, 2, 16, name: "Tết Nguyên đán", tet2026),
            day(2026, 2, 17, name: "Tết Nguyên đán", tet2026),
            day(2026, 2, 18, name: "Tết Nguyên đán", tet2026),
            day(2026, 2, 19, name: "Tết Nguyên đán", tet2026),
            day(2026, 2, 20, name: "Tết Nguyên đán", tet2026),
            day(2026, 4, 27, name: "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật)"),
            day(2026, 4, 30, name: "Ngày Chiến thắng"),
            day(2026, 5, 1, name: "Ngày Quốc tế lao động"),
            day(2026, 9, 1, name: "Quốc khánh", "\(law); ngày liền kề do Thủ tướng quyết định (cần kiểm tra)"),
            day(2026, 9, 2, name: "Quốc khánh"),
        ],
        2027: [
            day(2027, 1, 1, name: "Tết Dương lịch"),
            day(2027, 2, 5, name: "Tết Nguyên đán", tet2027),
            day(2027, 2, 8, name: "Tết Nguyên đán", tet2027),
            day(2027, 2, 9, name: "Tết Nguyên đán", tet2027),
            day(2027, 2, 10, name: "Nghỉ bù Tết Nguyên đán", tet2027),
            day(2027, 2, 11, name: "Nghỉ bù Tết Nguyên đán", tet2027),
            day(2027, 4, 16, name: "Giỗ Tổ Hùng Vương"),
            day(2027, 4, 30, name: "Ngày Chiến thắng"),
            day(2027, 5, 3, name: "Nghỉ bù Ngày Quốc tế lao động (1/5 rơi vào thứ Bảy)"),
            day(2027, 9, 2, name: "Quốc khánh"),
            day(2027, 9, 3, name: "Quốc khánh", "\(law); ngày liền kề do Thủ tướng quyết định (cần kiểm tra)"),
        ],
    ]

    private static func day(_ year: Int, _ month: Int, _ day: Int, name: String, _ citation: String = law) -> WorkCalendar.Day {
        self.day(year, month, day, .holiday, name, citation)
    }
}
