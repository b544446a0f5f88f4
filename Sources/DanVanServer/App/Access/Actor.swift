import DanVanCore

/// Who performs a use case: a signed-in user, or a command run on the server (which acts as an
/// administrator: whoever runs it already holds the data folder or the database address).
/// Every use case asks `Authorizer` about its actor and writes the actor into the audit log.
struct Actor: Sendable, AccessHolder {
    let userID: Int?
    let name: String
    let role: Role
    let unitID: Int?

    static let commandLine = Actor(userID: nil, name: "dòng lệnh", role: .admin, unitID: nil)
    static let demoLoader = Actor(userID: nil, name: "dữ liệu mẫu", role: .admin, unitID: nil)

    init(userID: Int?, name: String, role: Role, unitID: Int?) {
        self.userID = userID
        self.name = name
        self.role = role
        self.unitID = unitID
    }

    init(_ user: User) {
        self.init(userID: user.id, name: user.username, role: user.userRole, unitID: user.unitID)
    }

    var accessRole: Role { role }
    var accessUnitID: Int? { unitID }
}
