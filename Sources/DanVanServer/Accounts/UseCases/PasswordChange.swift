import DanVanCore
import Fluent

/// A user changes their own password. Every other browser and every API token signed in with
/// the old one stops working; the browser that made the change stays signed in.
enum PasswordChange {
    struct Outcome {
        let revokedTokens: Int

        /// What the user is told, so that a script that stops working is not a surprise.
        var message: String {
            revokedTokens == 0 ? "Đã đổi mật khẩu. Các phiên đăng nhập khác đã được đăng xuất."
                : "Đã đổi mật khẩu. Các phiên đăng nhập khác đã được đăng xuất và \(revokedTokens) mã truy cập API đã bị thu hồi; hãy tạo mã mới."
        }
    }

    static func perform(current: String, new: String, keepingSession sessionHash: String?, hasher: PasswordHashing,
                        by actor: Actor, on db: any Database) async throws -> Outcome {
        guard let userID = actor.userID, let user = try await User.find(userID, on: db) else { throw AppError.unauthenticated }
        guard try await hasher.verify(current, hash: user.passwordHash) else {
            throw AppError.invalid("currentPassword", "Mật khẩu hiện tại không đúng.")
        }
        if let issue = AccountValidation.passwordIssue(new, field: "newPassword", username: user.username) { throw AppError.validation(ValidationFailure([issue])) }
        let hash = try await hasher.hash(new)
        return try await db.writeTransaction { tx in
            user.passwordHash = hash
            user.version += 1
            try await user.save(on: tx)
            let revoked = try await AccountRules.signOutEverywhere(userID, keepingSession: sessionHash, on: tx)
            try await AuditLog.record("user.password", entityType: "user", entityKey: user.username, unitID: user.unitID,
                                      before: nil, after: ["revokedTokens": "\(revoked)"], by: actor, on: tx)
            return Outcome(revokedTokens: revoked)
        }
    }
}
