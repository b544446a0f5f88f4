import FluentSQLiteDriver
import Foundation

/// Two writers at once: SQLite refuses the one whose snapshot went stale ("database is locked")
/// after rolling it back. That is the same news as a stale version, so it is told the same way.
enum ConcurrentWrite {
    static let conflict = AppError(.conflict, "Dữ liệu vừa được người khác thay đổi cùng lúc; không có gì của bạn bị ghi. "
                                   + "Hãy xem dữ liệu hiện tại rồi gửi lại.", field: "version")

    static func isLostRace(_ error: any Error) -> Bool {
        guard let sqlite = error as? SQLiteError else { return false }
        return [.busy, .locked, .busyInSnapshot, .busyTimeout].contains(sqlite.reason)
    }

    /// Runs a write, turning a lost race into a 409 that keeps what the user typed on screen.
    static func guarding<T>(_ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch where isLostRace(error) {
            throw conflict
        }
    }
}
