/// Where a case stands. A case is received, its competence decided (handled here, transferred to
/// the body competent, or the citizen guided), accepted, assigned, answered and closed; a closed
/// complaint or denunciation may be raised again, which opens a new case linked to the old one.
public enum CaseStatus: String, Codable, Sendable, CaseIterable {
    case received
    case accepted
    case assigned
    case answered
    case closed
    case transferred
    case guided

    public var label: String {
        switch self {
        case .received: "Đã tiếp nhận"
        case .accepted: "Đã thụ lý"
        case .assigned: "Đang giải quyết"
        case .answered: "Đã trả lời"
        case .closed: "Đã kết thúc"
        case .transferred: "Đã chuyển cơ quan có thẩm quyền"
        case .guided: "Đã hướng dẫn công dân"
        }
    }

    /// The unit still owes the citizen something.
    public var isOpen: Bool { [.received, .accepted, .assigned].contains(self) }

    /// Statuses in which the matter has left the unit's hands for good.
    public var isFinished: Bool { [.closed, .transferred, .guided].contains(self) }
}

/// Everything a handler does to a case, each one event in its history.
public enum CaseAction: String, Codable, Sendable, CaseIterable {
    case accept
    case transfer
    case guide
    case assign
    case extend
    case answer
    case followUp
    case close
    case escalate

    public var label: String {
        switch self {
        case .accept: "Thụ lý"
        case .transfer: "Chuyển cơ quan có thẩm quyền"
        case .guide: "Hướng dẫn công dân"
        case .assign: "Giao đơn vị giải quyết"
        case .extend: "Gia hạn"
        case .answer: "Trả lời"
        case .followUp: "Theo dõi, đôn đốc"
        case .close: "Kết thúc"
        case .escalate: "Khiếu nại lần hai, tố cáo tiếp"
        }
    }

    /// The status after the action, or nil when the action is not open in `status`.
    public func next(from status: CaseStatus) -> CaseStatus? {
        switch (self, status) {
        case (.accept, .received): .accepted
        case (.transfer, .received): .transferred
        case (.guide, .received): .guided
        case (.assign, .accepted), (.assign, .assigned): .assigned
        case (.extend, .accepted), (.extend, .assigned): status
        case (.answer, .accepted), (.answer, .assigned): .answered
        case (.followUp, .assigned), (.followUp, .answered), (.followUp, .accepted): status
        case (.close, .answered): .closed
        case (.escalate, .answered), (.escalate, .closed): status
        default: nil
        }
    }

    /// Why the action is not open, in the words a handler reads.
    public func refusal(in status: CaseStatus) -> String {
        switch self {
        case .close where status.isOpen:
            "Chỉ kết thúc vụ việc đã có văn bản trả lời; hãy ghi văn bản trả lời trước."
        case .escalate:
            "Chỉ khiếu nại lần hai hoặc tố cáo tiếp sau khi đã có văn bản trả lời."
        case .accept, .transfer, .guide:
            "Vụ việc đã được quyết định thẩm quyền (\(status.label.lowercased()))."
        default:
            "Không thể \(label.lowercased()) vụ việc \(status.label.lowercased())."
        }
    }
}

/// Whether the competent body is this unit, another body, or nobody (the citizen is guided).
public enum CaseCompetence: String, Codable, Sendable, CaseIterable {
    case own
    case transfer
    case guide
}
