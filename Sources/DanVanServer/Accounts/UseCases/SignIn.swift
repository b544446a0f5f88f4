import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Signing in with a name and a password. Every attempt is written before it is judged, so
/// guesses sent in parallel count against each other, on every app server alike:
/// - an address that failed `maxPerAddress` times in the window is refused whatever the name;
/// - an account that failed `maxPerAccount` times is refused to the addresses that took part in
///   those failures, while an address that has not failed on it may still try: its owner is not
///   locked out by someone else's guesses, and each new address gets one guess at most;
/// - an unknown name costs the same bcrypt work as a known one, so timing tells nothing;
/// - names and passwords are bounded before anything is stored; attempts older than a day go.
enum SignIn {
    static let maxPerAccount = 5
    static let maxPerAddress = 20
    static let window: TimeInterval = 15 * 60
    static let kept: TimeInterval = 24 * 3600

    static func normalizedUsername(_ username: String) -> String {
        username.trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func perform(username rawUsername: String, password: String, address: String?, hasher: PasswordHashing,
                        on db: any Database) async throws -> User {
        let username = normalizedUsername(rawUsername)
        guard !username.isEmpty, !password.isEmpty else {
            throw AppError.invalid(username.isEmpty ? "username" : "password", "Hãy nhập tên đăng nhập và mật khẩu.")
        }
        if let issue = AccountValidation.usernameIssue(username) { throw AppError.invalid("username", issue.message) }
        guard password.utf8.count <= AccountValidation.maxPasswordBytes else {
            throw AppError.invalid("password", "Mật khẩu dài quá \(AccountValidation.maxPasswordBytes) byte; không có tài khoản nào như vậy.")
        }
        let attempt = try await record(username, address: address, on: db)
        try await checkLimits(username, address: address, attemptID: attempt, on: db)
        let user = try await User.query(on: db).filter(\.$username == username).first()
        let matches = if let user { try await hasher.verify(password, hash: user.passwordHash) } else { try await hasher.verifyDecoy(password) }
        guard let user, matches else {
            throw AppError(.unauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.", field: "password")
        }
        guard user.active else {
            throw AppError(.forbidden, "Tài khoản đã bị khóa. Hãy liên hệ quản lý đơn vị.", field: "username")
        }
        try await UnitClosure.sqlDatabase(db).update("login_attempts").set("succeeded", to: true).where("id", .equal, attempt).run()
        return user
    }

    /// Writes the attempt as a failure until proven otherwise, and purges old ones.
    private static func record(_ username: String, address: String?, on db: any Database) async throws -> Int {
        let sql = try UnitClosure.sqlDatabase(db)
        try await sql.delete(from: "login_attempts").where("at", .lessThan, Date().addingTimeInterval(-kept)).run()
        let attempt = LoginAttempt(username: username, succeeded: false, at: Date(), address: address)
        try await attempt.create(on: db)
        return attempt.id ?? 0
    }

    private static func checkLimits(_ username: String, address: String?, attemptID: Int, on db: any Database) async throws {
        let since = Date().addingTimeInterval(-window)
        let failures = LoginAttempt.query(on: db).filter(\.$succeeded == false).filter(\.$at > since)
        if let address, try await failures.copy().filter(\.$address == address).count() > maxPerAddress {
            throw AppError(.tooManyRequests, "Máy này đăng nhập sai quá nhiều lần trong 15 phút; hãy thử lại sau 15 phút.", field: "username")
        }
        let onAccount = failures.copy().filter(\.$username == username)
        guard try await onAccount.copy().count() > maxPerAccount else { return }
        let fromHere = try await onAccount.copy().filter(\.$address == address).filter(\.$id < attemptID).count()
        if fromHere > 0 || address == nil {
            throw AppError(.tooManyRequests, "Đăng nhập sai quá \(maxPerAccount) lần trong 15 phút. Tài khoản tạm khóa với máy này; "
                           + "hãy thử lại sau 15 phút hoặc nhờ quản lý đơn vị đặt lại mật khẩu.", field: "username")
        }
    }
}
