/// The columns of a figures CSV file: one row per unit, period and indicator. Headers may be
/// the codes or the Vietnamese labels, with or without tone marks.
public enum ReportCSVColumn: String, CaseIterable, Sendable {
    case unit
    case period
    case indicator
    case numerator
    case denominator
    case note

    public var vietnameseHeader: String {
        switch self {
        case .unit: "Mã đơn vị"
        case .period: "Kỳ"
        case .indicator: "Mã chỉ số"
        case .numerator: "Tử số / số lượng"
        case .denominator: "Mẫu số"
        case .note: "Ghi chú"
        }
    }

    /// Other names a clerk gives the column: the labels of the report form, and short forms.
    public var otherHeaders: [String] {
        switch self {
        case .unit: ["Đơn vị", "Mã ĐV"]
        case .period: ["Kỳ báo cáo"]
        case .indicator: ["Chỉ số", "Mã"]
        case .numerator: ["Tử số", "Số lượng", "Tử số/số lượng", "Số liệu", "Kết quả"]
        case .denominator: []
        case .note: ["Ghi chú/thuyết minh"]
        }
    }

    public static let required: [ReportCSVColumn] = [.unit, .period, .indicator, .numerator]

    public init?(header: String) {
        let folded = Self.key(header)
        guard let column = Self.allCases.first(where: { column in
            column.rawValue == folded || ([column.vietnameseHeader] + column.otherHeaders).contains { Self.key($0) == folded }
        }) else { return nil }
        self = column
    }

    /// Case, tone marks, non-breaking spaces (a spreadsheet's) and spaces around "/" do not matter.
    private static func key(_ header: String) -> String {
        VietnameseFolding.fold(header.replacingOccurrences(of: "\u{00A0}", with: " ").trimmed()).replacingOccurrences(of: " / ", with: "/")
    }
}
