/// The people's own supervisors at the grassroots (Luật 10/2022/QH15, Chương V): the people's
/// inspection board of a commune and the community investment supervision board of a commune or
/// village, each elected for a term.
public enum OversightBoardKind: String, CaseIterable, Sendable, Codable {
    case peopleInspection = "people_inspection"
    case investmentSupervision = "investment_supervision"

    public var label: String {
        switch self {
        case .peopleInspection: "Ban Thanh tra nhân dân"
        case .investmentSupervision: "Ban Giám sát đầu tư của cộng đồng"
        }
    }

    /// The board a target speaks of ("100% thôn thành lập Ban Giám sát đầu tư của cộng đồng").
    public static func named(in folded: String) -> OversightBoardKind? {
        if folded.contains("giam sat dau tu") { return .investmentSupervision }
        if folded.contains("thanh tra nhan dan") { return .peopleInspection }
        return nil
    }
}
