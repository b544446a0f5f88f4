import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// Bcrypt on its own small pool of threads, at the cost the settings name. A sign-in costs a
/// quarter of a second of one core: on two cores, hashing on every core would starve every
/// page, so sign-ins queue on half the cores (at least one) and pages keep the rest. Past
/// `maxWaiting` queued hashes the answer is 429 at once, not a queue no one will wait out.
struct PasswordHashing: Sendable {
    final class Pool: Sendable {
        let threads: NIOThreadPool
        let waiting = NIOLockedValueBox(0)
        /// Bcrypt checks run so far (what an unknown name must cost as much of as a known one).
        let verifications = NIOLockedValueBox(0)
        let cost: Int
        /// Checked for a name nobody has, so that an unknown name costs what a known one does.
        let decoy: String
        static let maxWaiting = 64

        init(cost: Int) {
            threads = NIOThreadPool(numberOfThreads: max(1, System.coreCount / 2))
            threads.start()
            self.cost = cost
            // Bcrypt.hash fails only for a cost outside 4...31, which Settings refuses at start-up.
            decoy = (try? Bcrypt.hash("decoy password nobody has", cost: cost)) ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhuL7ffQWpVUm1r4.O/kWqrn5d2XjYgb1W"
        }
    }

    let pool: Pool

    init(_ app: Application) {
        pool = app.passwordPool
    }

    func hash(_ password: String) async throws -> String {
        let cost = pool.cost
        return try await run { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        pool.verifications.withLockedValue { $0 += 1 }
        return try await run { try Bcrypt.verify(password, created: hash) }
    }

    /// Spends the same work as checking a real password, and says no.
    func verifyDecoy(_ password: String) async throws -> Bool {
        _ = try await verify(password, hash: pool.decoy)
        return false
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let queued = pool.waiting.withLockedValue { count in
            count += 1
            return count
        }
        defer { pool.waiting.withLockedValue { $0 -= 1 } }
        guard queued <= Pool.maxWaiting else {
            throw AppError(.tooManyRequests, "Máy chủ đang bận xử lý nhiều lượt đăng nhập; hãy thử lại sau ít giây.")
        }
        return try await pool.threads.runIfActive(body)
    }
}

extension Application {
    private struct PasswordPoolKey: StorageKey {
        typealias Value = PasswordHashing.Pool
    }

    private struct PoolShutdown: LifecycleHandler {
        let pool: PasswordHashing.Pool

        func shutdown(_ application: Application) {
            try? pool.threads.syncShutdownGracefully()
        }
    }

    /// The bcrypt pool, made when the app is configured and stopped with it.
    var passwordPool: PasswordHashing.Pool {
        if let pool = storage[PasswordPoolKey.self] { return pool }
        usePasswordPool(cost: settings.bcryptCost)
        return storage[PasswordPoolKey.self] ?? PasswordHashing.Pool(cost: settings.bcryptCost)
    }

    func usePasswordPool(cost: Int) {
        let pool = PasswordHashing.Pool(cost: cost)
        storage[PasswordPoolKey.self] = pool
        lifecycle.use(PoolShutdown(pool: pool))
    }
}
