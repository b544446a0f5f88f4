/// Where a unit's classification sheet stands; like a report's states.
public enum SheetState: String, Codable, CaseIterable, Sendable {
    case draft, submitted, returned, appraised, published

    public var label: String {
        switch self {
        case .draft: "Đang tự chấm"
        case .submitted: "Đã gửi, chờ thẩm định"
        case .returned: "Bị trả lại"
        case .appraised: "Đã thẩm định"
        case .published: "Đã công bố"
        }
    }

    /// The unit may change its own scores.
    public var unitMayEdit: Bool { self == .draft || self == .returned }
}

/// What is done to a sheet, and the state each leads to from where it may be done.
public enum SheetAction: String, Codable, CaseIterable, Sendable {
    case submit, `return`, appraise, exclude, reopen

    public var label: String {
        switch self {
        case .submit: "Gửi cấp trên"
        case .return: "Trả lại"
        case .appraise: "Thẩm định"
        case .exclude: "Không đủ điều kiện xếp loại"
        case .reopen: "Mở lại"
        }
    }

    /// The state after the action, or nil when it may not be done from `state`.
    public func next(from state: SheetState) -> SheetState? {
        switch (self, state) {
        case (.submit, .draft), (.submit, .returned): .submitted
        case (.return, .submitted), (.return, .appraised): .returned
        case (.appraise, .submitted), (.appraise, .appraised): .appraised
        case (.exclude, .draft), (.exclude, .returned), (.exclude, .submitted): .appraised
        case (.reopen, .published): .submitted
        default: nil
        }
    }

    /// Done by the level above (appraisal rights), not by the unit.
    public var isAbove: Bool { self != .submit }
}
