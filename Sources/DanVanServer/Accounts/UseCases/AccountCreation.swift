import DanVanCore
import Fluent

/// A manager or administrator adds an account to a unit they manage, with a role they may grant.
enum AccountCreation {
    static func perform(_ input: UserInput, hasher: PasswordHashing, by actor: Actor, on db: any Database) async throws -> User {
        try await AccountRules.requireManaging(unitCode: input.unitCode, by: actor, on: db)
        let username = SignIn.normalizedUsername(input.username ?? "")
        var issues = [AccountValidation.usernameIssue(username), AccountValidation.fullNameIssue(input.fullName),
                      AccountValidation.passwordIssue(input.password ?? "", username: username)].compactMap { $0 }
        let role = try AccountRules.checkedRole(input.role, grantedBy: actor.role, issues: &issues)
        guard issues.isEmpty, let role else { throw AppError.validation(ValidationFailure(issues)) }
        let hash = try await hasher.hash(input.password ?? "")
        return try await db.writeTransaction { tx in
            if try await User.query(on: tx).filter(\.$username == username).first() != nil {
                throw AppError.invalid("username", "Tên đăng nhập \"\(username)\" đã có người dùng.")
            }
            let user = User()
            user.username = username
            user.fullName = try FreeText.clean(input.fullName, field: "fullName", label: "Họ và tên", limit: 120, required: true).orInvalid()
            user.unitID = try await AccountRules.unitID(input.unitCode, role: role, on: tx)
            user.role = role.rawValue
            user.passwordHash = hash
            user.active = input.active ?? true
            user.version = 1
            try await user.create(on: tx)
            try await AuditLog.record("user.create", entityType: "user", entityKey: user.username, unitID: user.unitID,
                                      before: nil, after: try await AccountRules.dto(user, on: tx), by: actor, on: tx)
            return user
        }
    }
}
