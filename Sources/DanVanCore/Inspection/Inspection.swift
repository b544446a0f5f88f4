/// What kind of check a unit makes of others (or of itself).
public enum InspectionKind: String, CaseIterable, Codable, Sendable {
    case inspection
    case regularSupervision = "regular_supervision"
    case thematicSupervision = "thematic_supervision"
    case selfInspection = "self_inspection"
    case reInspection = "re_inspection"
    case frontSupervision = "front_supervision"

    public var label: String {
        switch self {
        case .inspection: "Kiểm tra"
        case .regularSupervision: "Giám sát thường xuyên"
        case .thematicSupervision: "Giám sát chuyên đề"
        case .selfInspection: "Tự kiểm tra"
        case .reInspection: "Phúc tra"
        case .frontSupervision: "Giám sát của Mặt trận"
        }
    }

    /// The word the conclusion notice is titled with: "kiểm tra" or "giám sát".
    public var noticeWord: String {
        switch self {
        case .inspection, .selfInspection, .reInspection: "kiểm tra"
        case .regularSupervision, .thematicSupervision, .frontSupervision: "giám sát"
        }
    }
}

public enum FindingType: String, CaseIterable, Codable, Sendable {
    case strength, shortcoming, violation

    public var label: String {
        switch self {
        case .strength: "Ưu điểm"
        case .shortcoming: "Hạn chế, khuyết điểm"
        case .violation: "Vi phạm"
        }
    }
}

public enum FindingSeverity: String, CaseIterable, Codable, Sendable {
    case minor, moderate, serious

    public var label: String {
        switch self {
        case .minor: "Nhẹ"
        case .moderate: "Trung bình"
        case .serious: "Nghiêm trọng"
        }
    }
}

/// A requirement of a conclusion, followed until the inspecting unit accepts the remedy or
/// closes it with a written reason.
public enum RequirementState: String, CaseIterable, Codable, Sendable {
    case open, reported, accepted, closed

    public var label: String {
        switch self {
        case .open: "Đang khắc phục"
        case .reported: "Đã báo cáo khắc phục, chờ xác nhận"
        case .accepted: "Đã khắc phục"
        case .closed: "Đã đóng (có lý do)"
        }
    }

    public var isOpen: Bool { self == .open || self == .reported }

    /// Where a requirement stands against its due date. Accepted: on time or late by the day the
    /// remedy was reported. Reported and waiting for the inspecting unit: in time when reported by
    /// the due date (the wait is not the inspected unit's delay), else overdue. Closed with a
    /// reason: neither.
    public func timeliness(due: CivilDate?, fixedOn: CivilDate?, today: CivilDate) -> CaseTimeliness? {
        switch self {
        case .closed: return nil
        case .accepted: return CaseTimeliness.of(due: due, done: fixedOn, today: today)
        case .reported:
            guard let due, let fixedOn else { return CaseTimeliness.of(due: due, done: nil, today: today) }
            return fixedOn <= due ? .inTime : .overdue
        case .open: return CaseTimeliness.of(due: due, done: nil, today: today)
        }
    }
}

/// The steps on a requirement: the inspected unit reports its remedy; the inspecting unit
/// accepts it, returns it with a reason, or closes the requirement with a written reason.
public enum RequirementAction: String, CaseIterable, Codable, Sendable {
    case report, accept, giveBack = "return", close

    public var label: String {
        switch self {
        case .report: "Báo cáo kết quả khắc phục"
        case .accept: "Xác nhận đã khắc phục"
        case .giveBack: "Trả lại, yêu cầu khắc phục tiếp"
        case .close: "Đóng yêu cầu (ghi lý do)"
        }
    }

    /// Whose step it is: the inspected unit reports, the inspecting unit decides.
    public var byInspectedUnit: Bool { self == .report }

    public func next(from state: RequirementState) -> RequirementState? {
        switch (self, state) {
        case (.report, .open): .reported
        case (.accept, .reported): .accepted
        case (.giveBack, .reported): .open
        case (.close, .open), (.close, .reported): .closed
        default: nil
        }
    }

    public func refusal(in state: RequirementState) -> String {
        "Không thể \"\(label.lowercased())\" khi yêu cầu đang ở trạng thái \"\(state.label.lowercased())\"."
    }
}
