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

extension Request {
    /// The address a request came from: the socket's peer, or, behind a proxy the settings trust
    /// (`DANVAN_TRUST_PROXY`), the first address of X-Forwarded-For.
    var clientAddress: String? {
        if application.settings.trustProxy, let forwarded = headers.first(name: .xForwardedFor)?.split(separator: ",").first {
            return String(forwarded.trimmingCharacters(in: .whitespaces).prefix(64))
        }
        return remoteAddress?.ipAddress
    }
}
