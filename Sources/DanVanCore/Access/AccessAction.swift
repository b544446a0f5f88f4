/// Everything a user may try to do to or within a unit. Every route maps to one of these.
public enum AccessAction: String, CaseIterable, Sendable {
    case viewUnit
    case editUnit
    case createChildUnit
    case moveUnit
    case endUnit
    case viewUsers
    case manageUsers
    case viewAudit
    case enterReport
    case approveReport
}
