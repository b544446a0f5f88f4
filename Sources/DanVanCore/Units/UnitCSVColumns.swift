import Foundation

/// The columns of a units CSV file. Headers may be the English codes or the Vietnamese
/// labels, with or without tone marks, so a file saved from Excel by hand is accepted.
public enum UnitCSVColumn: String, CaseIterable, Sendable {
    case code, name
    case shortName = "short_name"
    case kind, level
    case parentCode = "parent_code"
    case reportsToCode = "reports_to_code"
    case validFrom = "valid_from"
    case validTo = "valid_to"
    case successorCodes = "successor_codes"

    public var vietnameseHeader: String {
        switch self {
        case .code: "Mã"
        case .name: "Tên"
        case .shortName: "Tên viết tắt"
        case .kind: "Loại"
        case .level: "Cấp"
        case .parentCode: "Mã cấp trên"
        case .reportsToCode: "Mã báo cáo cho"
        case .validFrom: "Hiệu lực từ"
        case .validTo: "Hiệu lực đến"
        case .successorCodes: "Mã kế thừa"
        }
    }

    public init?(header: String) {
        let folded = VietnameseFolding.fold(header).replacingOccurrences(of: "_", with: " ")
        let match = UnitCSVColumn.allCases.first { column in
            folded == column.rawValue.replacingOccurrences(of: "_", with: " ")
                || folded == VietnameseFolding.fold(column.vietnameseHeader)
        }
        guard let match else { return nil }
        self = match
    }

    public static let required: [UnitCSVColumn] = [.code, .name, .kind, .level]
}
