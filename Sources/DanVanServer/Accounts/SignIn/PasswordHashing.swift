import Vapor

/// Bcrypt off the event loop, at the cost the settings name.
struct PasswordHashing: Sendable {
    let hasher: AsyncPasswordHasher

    init(_ app: Application) {
        hasher = app.password.async
    }

    func hash(_ password: String) async throws -> String {
        let future: EventLoopFuture<String> = hasher.hash(password)
        return try await future.get()
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        let future: EventLoopFuture<Bool> = hasher.verify(password, created: hash)
        return try await future.get()
    }
}
