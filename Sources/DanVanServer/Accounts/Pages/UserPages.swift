import DanVanCore
import Fluent

struct UserListPage: Encodable {
    let users: [UserRow]
    let newHref: String
    /// The unit whose subtree is listed, when the list is narrowed to one.
    let unitName: String?

    /// The accounts of `unit`'s subtree, or of every unit the user manages.
    static func query(for user: User, unit: OrgUnit? = nil, on db: any Database) async throws -> UserListPage {
        let roots = unit.map { [$0.requireID] } ?? Authorizer.visibleRoots(of: user)
        let users = try await UserQueries.list(within: roots, on: db)
        let unitIDs = Array(Set(users.compactMap(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0) })
        return UserListPage(users: users.map { UserRow($0, unit: $0.unitID.flatMap { byID[$0] }) },
                            newHref: SiteRoute.userNew.path + (unit.map { "?unit=" + $0.code } ?? ""), unitName: unit?.name)
    }
}

struct UserFormPage: Encodable {
    let heading: String
    let action: String
    let isNew: Bool
    let values: UserInput
    let roles: [SelectOption]
    let errors: FormErrors
    let current: UserDTO?
    let cancelHref: String
}
