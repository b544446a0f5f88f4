import DanVanCore

/// Who performs a use case: a signed-in user, or a command run on the server (which acts as an
/// administrator: whoever runs it already holds the data folder or the database address).
/// Every use case asks `Authorizer` about its actor and writes the actor into the audit log.
struct Actor: Sendable, AccessHolder {
    /// How the actor proved who they are; an API token may not do everything a person signed in may.
    enum Credential: Sendable {
        case session, apiToken, commandLine
    }

    let userID: Int?
    /// The account name, as the audit log records it.
    let name: String
    /// The person's full name, as task histories show it.
    let displayName: String
    let role: Role
    let unitID: Int?
    let credential: Credential

    static let commandLine = Actor(userID: nil, name: "dòng lệnh", displayName: "Dòng lệnh", role: .admin, unitID: nil, credential: .commandLine)
    static let demoLoader = Actor(userID: nil, name: "dữ liệu mẫu", displayName: "Dữ liệu mẫu", role: .admin, unitID: nil,
                                  credential: .commandLine)

    init(userID: Int?, name: String, displayName: String, role: Role, unitID: Int?, credential: Credential) {
        self.userID = userID
        self.name = name
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.credential = credential
    }

    init(_ user: User, credential: Credential = .session) {
        self.init(userID: user.id, name: user.username, displayName: user.fullName, role: user.userRole, unitID: user.unitID,
                  credential: credential)
    }

    var accessRole: Role { role }
    var accessUnitID: Int? { unitID }
}
