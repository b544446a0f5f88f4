/// A user as a line in a list.
struct UserRow: Encodable {
    let id: Int
    let username: String
    let fullName: String
    let roleLabel: String
    let unitName: String?
    let unitHref: String?
    let active: Bool
    let editHref: String

    init(_ user: User, unit: OrgUnit?) {
        id = user.requireID
        username = user.username
        fullName = user.fullName
        roleLabel = user.userRole.label
        unitName = unit?.name
        unitHref = unit.map { SiteRoute.unit($0.code).path }
        active = user.active
        editHref = SiteRoute.userEdit(user.requireID).path
    }
}
