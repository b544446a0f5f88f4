import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Two writers at once. A transaction that lost a race was rolled back whole, so it is run again
/// (a few times, after a short random wait): SQLite's "database is locked" for a writer whose
/// snapshot went stale, PostgreSQL's serialization failure and deadlock. A race still lost, or a
/// row someone else inserted first (a unique key), is the same news as a stale version and is
/// told the same way, 409, never a 500. Only pass whole transactions: the body runs again.
enum ConcurrentWrite {
    static let conflict = AppError(.conflict, "Dữ liệu vừa được người khác thay đổi cùng lúc; không có gì của bạn bị ghi. "
                                   + "Hãy xem dữ liệu hiện tại rồi gửi lại.", field: "version")
    static let retries = 4

    static func isLostRace(_ error: any Error) -> Bool {
        if let sqlite = error as? SQLiteError {
            return [.busy, .locked, .busyInSnapshot, .busyTimeout].contains(sqlite.reason)
        }
        if let postgres = error as? PSQLError, let state = postgres.serverInfo?[.sqlState] {
            return state == "40001" || state == "40P01"
        }
        return false
    }

    /// Another writer inserted the same key first (PostgreSQL 23505, SQLite's UNIQUE constraint).
    static func isDuplicate(_ error: any Error) -> Bool {
        if let postgres = error as? PSQLError { return postgres.serverInfo?[.sqlState] == "23505" }
        if let sqlite = error as? SQLiteError { return sqlite.reason == .constraintUniqueFailed || sqlite.reason == .constraintPrimaryKeyFailed }
        return false
    }

    /// Runs a write, retrying a lost race, and turning a race still lost into a 409 that keeps
    /// what the user typed on screen.
    static func guarding<T>(_ write: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await write()
            } catch where isLostRace(error) && attempt < retries {
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64.random(in: 2_000_000...20_000_000) * UInt64(attempt))
            } catch where isLostRace(error) || isDuplicate(error) {
                throw conflict
            }
        }
    }
}

extension Database {
    /// The transaction of one user action. Run on its own, a lost race runs it again
    /// (`ConcurrentWrite`); inside another transaction (a CSV file of many rows) it is part of
    /// that one, which decides for all.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction { return try await transaction(body) }
        return try await ConcurrentWrite.guarding { try await self.transaction(body) }
    }
}
