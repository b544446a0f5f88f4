/// Where a unit's report for a period stands. Approval locks it; only a manager above can
/// reopen it, with a reason.
public enum ReportState: String, Codable, Sendable, CaseIterable {
    case draft
    case submitted
    case returned
    case approved

    public var label: String {
        switch self {
        case .draft: "Đang nhập"
        case .submitted: "Đã gửi, chờ duyệt"
        case .returned: "Bị trả lại"
        case .approved: "Đã duyệt"
        }
    }

    /// The unit may still change its figures.
    public var isEditable: Bool { self == .draft || self == .returned }
}
