/// A user's role at the unit they belong to.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// Whole system, every tree.
    case admin
    /// Edits and approves for the unit's subtree, manages its accounts.
    case manager
    /// Enters data for the unit; reads its subtree.
    case reporter
    /// Reads the unit's subtree.
    case viewer

    public var label: String {
        switch self {
        case .admin: "Quản trị hệ thống"
        case .manager: "Quản lý"
        case .reporter: "Báo cáo viên"
        case .viewer: "Người xem"
        }
    }

    /// Roles a user with this role may hand out; nobody grants more than they hold.
    public var grantableRoles: [Role] {
        switch self {
        case .admin: Role.allCases
        case .manager: [.manager, .reporter, .viewer]
        case .reporter, .viewer: []
        }
    }
}
