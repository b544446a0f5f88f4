import DanVanCore
import Fluent

/// A manager or administrator changes an account of a unit they manage: name, unit, role,
/// active, or a new password. A new password or a locked account signs it out everywhere.
enum AccountEditing {
    static func perform(userID: Int, with input: UserInput, hasher: PasswordHashing, by actor: Actor,
                        on db: any Database) async throws -> User {
        guard let target = try await User.find(userID, on: db) else { throw AppError.notFound("Không tìm thấy người dùng.") }
        try await AccountRules.requireManaging(unitID: target.unitID, by: actor, on: db)
        try await AccountRules.requireManaging(unitCode: input.unitCode, by: actor, on: db)
        var issues = [AccountValidation.fullNameIssue(input.fullName)].compactMap { $0 }
        if let password = input.password, !password.isEmpty, let issue = AccountValidation.passwordIssue(password, username: target.username) {
            issues.append(issue)
        }
        let role = try AccountRules.checkedRole(input.role, grantedBy: actor.role, issues: &issues)
        guard issues.isEmpty, let role else { throw AppError.validation(ValidationFailure(issues)) }
        let newHash = try await input.password.flatMap { $0.isEmpty ? nil : $0 }.asyncMap { try await hasher.hash($0) }
        return try await db.writeTransaction { tx in
            guard let current = try await User.find(userID, on: tx) else { throw AppError.notFound("Không tìm thấy người dùng.") }
            let readVersion = input.version ?? -1
            guard current.version == readVersion else {
                throw AppError.staleVersion(current: try await AccountRules.dto(current, on: tx), readVersion: readVersion,
                                            currentVersion: current.version)
            }
            let before = try await AccountRules.dto(current, on: tx)
            current.fullName = try FreeText.clean(input.fullName, field: "fullName", label: "Họ và tên", limit: 120, required: true).orInvalid()
            current.unitID = try await AccountRules.unitID(input.unitCode, role: role, on: tx)
            current.role = role.rawValue
            current.active = input.active ?? current.active
            if let newHash { current.passwordHash = newHash }
            current.version += 1
            try await current.save(on: tx)
            if newHash != nil || !current.active {
                try await AccountRules.signOutEverywhere(current.requireID, on: tx)
            }
            try await AuditLog.record("user.update", entityType: "user", entityKey: current.username, unitID: current.unitID,
                                      before: before, after: try await AccountRules.dto(current, on: tx), by: actor, on: tx)
            return current
        }
    }
}
