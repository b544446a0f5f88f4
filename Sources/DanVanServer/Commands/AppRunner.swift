import Foundation
import Fluent
import Logging
import Vapor

/// Builds a configured application for a command, runs the body, shuts it down. A command that
/// writes migrates first; a command that only reads changes nothing, and refuses a database
/// that is missing or older than this binary.
enum AppRunner {
    enum Access {
        /// Reads only: refuses a database missing or older than this binary.
        case readOnly
        /// Writes: migrates first.
        case writes
        /// Takes the database as it is, whatever its version (a backup before an upgrade).
        case asIs
    }

    static func withApplication<T>(_ settings: Settings, _ access: Access, logLevel: Logger.Level = .warning,
                                   _ body: (Application) async throws -> T) async throws -> T {
        let location = try DatabaseLocation.resolve(settings)
        if access != .writes, case .sqliteFile(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw StartupError("Chưa có dữ liệu tại \(path); chạy `danvan migrate` (hoặc `danvan serve --demo`) trước.")
        }
        var environment = Environment(name: "production", arguments: ["danvan"])
        environment.commandInput.arguments = []
        let app = try await Application.make(environment)
        app.logger.logLevel = logLevel
        do {
            try configure(app, settings: settings, database: location)
            if access == .writes {
                try await migrate(app)
            } else if access == .readOnly, case let pending = try await DatabaseSetup.pendingMigrations(app.db), !pending.isEmpty {
                throw StartupError("Cơ sở dữ liệu cũ hơn phiên bản này (còn \(pending.count) bước nâng cấp); chạy `danvan migrate` trước.")
            }
            let result = try await Today.$pinned.withValue(settings.today) { try await body(app) }
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
