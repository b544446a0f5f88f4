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

    public static let required: [ReportCSVColumn] = [.unit, .period, .indicator, .numerator]

    public init?(header: String) {
        let folded = VietnameseFolding.fold(header.trimmed())
        guard let column = Self.allCases.first(where: { $0.rawValue == folded || VietnameseFolding.fold($0.vietnameseHeader) == folded })
        else { return nil }
        self = column
    }
}
