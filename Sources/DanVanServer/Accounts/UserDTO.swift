import Vapor

/// A user as the API returns it and the audit log records it: never the password hash.
struct UserDTO: Content, Equatable {
    let id: Int
    let username: String
    let fullName: String
    let unitCode: String?
    let role: String
    let roleLabel: String
    let active: Bool
    let version: Int

    init(_ user: User, unitCode: String?) {
        id = user.requireID
        username = user.username
        fullName = user.fullName
        self.unitCode = unitCode
        role = user.role
        roleLabel = user.userRole.label
        active = user.active
        version = user.version
    }
}
