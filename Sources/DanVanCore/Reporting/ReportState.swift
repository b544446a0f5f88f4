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

    /// The state after the action, or why it cannot be taken from `state`.
    public func next(from state: ReportState) -> Result<ReportState, ValidationIssue> {
        switch (self, state) {
        case (.save, .draft), (.save, .returned): return .success(state)
        case (.submit, .draft), (.submit, .returned): return .success(.submitted)
        case (.returnToUnit, .submitted): return .success(.returned)
        case (.approve, .submitted): return .success(.approved)
        case (.reopen, .approved), (.reopen, .submitted): return .success(.draft)
        default:
            return .failure(ValidationIssue(field: "action",
                                            message: "Không thể \(label.lowercased()) báo cáo đang ở trạng thái \"\(state.label)\"."))
        }
    }
}
