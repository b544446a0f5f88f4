/// The columns of the register "Tổng hợp đăng ký mô hình Dân vận khéo" as DanVan writes it
/// and reads it back: the export is the import's template. Headers are matched ignoring case
/// and accents; columns the import does not know (Stt, status) are ignored.
public enum ModelRegisterColumn: String, CaseIterable, Sendable {
    case number, unitCode, unitName, name, field, subtheme, kind, personName, personPosition, personUnit
    case problem, goals, content, place, forces, resources, timing, outputs, sustainability
    case status, late, recognition

    public var header: String {
        switch self {
        case .number: "Stt"
        case .unitCode: "Mã đơn vị"
        case .unitName: "Đơn vị đăng ký"
        case .name: "Tên mô hình, điển hình"
        case .field: "Lĩnh vực"
        case .subtheme: "Chủ đề"
        case .kind: "Loại"
        case .personName: "Họ và tên (điển hình cá nhân)"
        case .personPosition: "Chức vụ"
        case .personUnit: "Đơn vị công tác"
        case .status: "Trạng thái"
        case .late: "Đăng ký muộn"
        case .recognition: "Công nhận"
        default: ModelRegistration.items.first { $0.key == rawValue }?.label ?? rawValue
        }
    }

    /// What the import reads; the rest are for the reader of the spreadsheet.
    public var isRead: Bool { ![.number, .unitName, .status, .late, .recognition].contains(self) }

    public init?(header: String) {
        let folded = VietnameseFolding.fold(header)
        guard let column = Self.allCases.first(where: { VietnameseFolding.fold($0.header) == folded || $0.rawValue.lowercased() == folded })
        else { return nil }
        self = column
    }
}
