import DanVanCore
import Fluent
import Vapor

/// What an administrator or manager enters for an account.
struct UserInput: Content {
    var username: String?
    var fullName: String
    var unitCode: String?
    var role: String
    var password: String?
    var active: Bool?
    var version: Int?
}

/// Creates and changes accounts: checked, versioned, audited, one transaction each.
enum UserStore {
    static func create(_ input: UserInput, grantedBy granter: Role, hasher: PasswordHashing,
                       by actor: Actor, on db: any Database) async throws -> User {
        let username = LoginService.normalizedUsername(input.username ?? "")
        var issues = [AccountValidation.usernameIssue(username), AccountValidation.fullNameIssue(input.fullName),
                      AccountValidation.passwordIssue(input.password ?? "")].compactMap { $0 }
        let role = try checkedRole(input.role, grantedBy: granter, issues: &issues)
        guard issues.isEmpty, let role else { throw AppError.validation(ValidationFailure(issues)) }
        let hash = try await hasher.hash(input.password ?? "")
        return try await db.transaction { tx in
            if try await User.query(on: tx).filter(\.$username == username).first() != nil {
                throw AppError.invalid("username", "Tên đăng nhập \"\(username)\" đã có người dùng.")
            }
            let user = User()
            user.username = username
            user.fullName = input.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
            user.unitID = try await unitID(input.unitCode, role: role, on: tx)
            user.role = role.rawValue
            user.passwordHash = hash
            user.active = input.active ?? true
            user.version = 1
            try await user.create(on: tx)
            try await AuditLog.record("user.create", entityType: "user", entityKey: user.username, unitID: user.unitID,
                                      before: nil, after: try await dto(user, on: tx), by: actor, on: tx)
            return user
        }
    }

    static func update(_ user: User, with input: UserInput, grantedBy granter: Role, hasher: PasswordHashing,
                       by actor: Actor, on db: any Database) async throws -> User {
        var issues = [AccountValidation.fullNameIssue(input.fullName)].compactMap { $0 }
        if let password = input.password, !password.isEmpty, let issue = AccountValidation.passwordIssue(password) {
            issues.append(issue)
        }
        let role = try checkedRole(input.role, grantedBy: granter, issues: &issues)
        guard issues.isEmpty, let role else { throw AppError.validation(ValidationFailure(issues)) }
        let newHash = try await input.password.flatMap { $0.isEmpty ? nil : $0 }.asyncMap { try await hasher.hash($0) }
        return try await db.transaction { tx in
            guard let current = try await User.find(user.id, on: tx) else { throw AppError.notFound("Không tìm thấy người dùng.") }
            let readVersion = input.version ?? -1
            guard current.version == readVersion else {
                throw AppError.staleVersion(current: try await dto(current, on: tx), readVersion: readVersion, currentVersion: current.version)
            }
            let before = try await dto(current, on: tx)
            current.fullName = input.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
            current.unitID = try await unitID(input.unitCode, role: role, on: tx)
            current.role = role.rawValue
            current.active = input.active ?? current.active
            if let newHash { current.passwordHash = newHash }
            current.version += 1
            try await current.save(on: tx)
            if newHash != nil || !current.active {
                try await UserSession.query(on: tx).filter(\.$userID == current.requireID).delete()
            }
            try await AuditLog.record("user.update", entityType: "user", entityKey: current.username, unitID: current.unitID,
                                      before: before, after: try await dto(current, on: tx), by: actor, on: tx)
            return current
        }
    }

    static func dto(_ user: User, on db: any Database) async throws -> UserDTO {
        let code = try await user.unitID.asyncMap { try await OrgUnit.find($0, on: db)?.code } ?? nil
        return UserDTO(user, unitCode: code)
    }

    private static func checkedRole(_ raw: String, grantedBy granter: Role, issues: inout [ValidationIssue]) throws -> Role? {
        switch AccountValidation.role(raw) {
        case .failure(let issue):
            issues.append(issue)
            return nil
        case .success(let role):
            guard granter.grantableRoles.contains(role) else {
                throw AppError(.forbidden, "Bạn không được cấp vai trò \"\(role.label)\".", field: "role")
            }
            return role
        }
    }

    private static func unitID(_ code: String?, role: Role, on db: any Database) async throws -> Int? {
        guard let code, !code.isEmpty else {
            guard role == .admin else { throw AppError.invalid("unitCode", "Người dùng phải thuộc một đơn vị.") }
            return nil
        }
        return try await UnitQueries.require(code: code, field: "unitCode", on: db).id
    }
}
