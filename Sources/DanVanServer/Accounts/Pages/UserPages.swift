import DanVanCore
import Fluent

struct UserListPage: Encodable {
    let users: [UserRow]
    let newHref: String

    static func query(for user: User, on db: any Database) async throws -> UserListPage {
        let users = try await UserQueries.list(within: Authorizer.visibleRoots(of: user), on: db)
        let unitIDs = Array(Set(users.compactMap(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0) })
        return UserListPage(users: users.map { UserRow($0, unit: $0.unitID.flatMap { byID[$0] }) }, newHref: SiteRoute.userNew.path)
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
