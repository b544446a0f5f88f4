import DanVanCore
import Vapor

extension User: Authenticatable {}

extension Request {
    /// The signed-in user, or a 401 the error middleware turns into the login page.
    func requireUser() throws -> User {
        guard let user = auth.get(User.self) else { throw AppError.unauthenticated }
        return user
    }

    var isAPI: Bool {
        url.path == "/api" || url.path.hasPrefix("/api/")
    }
}
