/// Who made a change: a signed-in user, or the command line.
struct AuditActor: Sendable {
    let userID: Int?
    let name: String

    static let commandLine = AuditActor(userID: nil, name: "dòng lệnh")

    init(userID: Int?, name: String) {
        self.userID = userID
        self.name = name
    }

    init(_ user: User) {
        self.init(userID: user.id, name: user.username)
    }
}
