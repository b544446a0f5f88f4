/// A stored plan is a draft until its issuing unit issues it; an issued plan changed later keeps
/// revisions. Raw values are the stored codes.
public enum PlanStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case issued

    public var label: String {
        switch self {
        case .draft: "Bản nháp"
        case .issued: "Đã ban hành"
        }
    }
}
