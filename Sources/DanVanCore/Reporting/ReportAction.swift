/// What someone does to a report, and the state it leads to.
public enum ReportAction: String, Codable, Sendable, CaseIterable {
    case save
    case submit
    case returnToUnit = "return"
    case approve
    case reopen

    public var label: String {
        switch self {
        case .save: "Lưu nháp"
        case .submit: "Gửi báo cáo"
        case .returnToUnit: "Trả lại"
        case .approve: "Duyệt"
        case .reopen: "Mở lại"
        }
    }

    /// Whether the action needs a reason from the person taking it.
    public var needsReason: Bool { self == .returnToUnit || self == .reopen }

    /// The unit's own actions; the others are the level above's.
    public var isEntry: Bool { self == .save || self == .submit }
}
