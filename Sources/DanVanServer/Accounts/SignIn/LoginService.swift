import DanVanCore
import Fluent
import Vapor

/// Checks a username and password, counting failures in the database so that every app
/// server enforces the same limit.
enum LoginService {
    static let maxFailures = 5
    static let window: TimeInterval = 15 * 60

    static func normalizedUsername(_ username: String) -> String {
        username.trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func authenticate(username rawUsername: String, password: String, on req: Request) async throws -> User {
        let username = normalizedUsername(rawUsername)
        guard !username.isEmpty, !password.isEmpty else {
            throw AppError.invalid(username.isEmpty ? "username" : "password", "Hãy nhập tên đăng nhập và mật khẩu.")
        }
        let since = Date().addingTimeInterval(-window)
        let failures = try await LoginAttempt.query(on: req.db)
            .filter(\.$username == username).filter(\.$succeeded == false).filter(\.$at > since)
            .sort(\.$at, .ascending).all()
        if failures.count >= maxFailures, let oldest = failures.first {
            let minutes = max(1, Int((oldest.at.addingTimeInterval(window).timeIntervalSinceNow / 60).rounded(.up)))
            throw AppError(.tooManyRequests, "Đăng nhập sai quá \(maxFailures) lần trong 15 phút. "
                           + "Tài khoản tạm khóa, hãy thử lại sau \(minutes) phút.", field: "username")
        }
        let user = try await User.query(on: req.db).filter(\.$username == username).first()
        let matches = try await user.asyncMap { try await PasswordHashing(req.application).verify(password, hash: $0.passwordHash) } ?? false
        try await LoginAttempt(username: username, succeeded: matches && user?.active == true, at: Date()).create(on: req.db)
        guard let user, matches else {
            throw AppError(.unauthorized, "Tên đăng nhập hoặc mật khẩu không đúng.", field: "password")
        }
        guard user.active else {
            throw AppError(.forbidden, "Tài khoản đã bị khóa. Hãy liên hệ quản lý đơn vị.", field: "username")
        }
        return user
    }
}
