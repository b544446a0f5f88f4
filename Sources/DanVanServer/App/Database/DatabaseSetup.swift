import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Connects Fluent to the chosen database. SQLite runs in WAL mode with foreign keys on.
enum DatabaseSetup {
    static func use(_ location: DatabaseLocation, on app: Application) throws {
        switch location {
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StartupError("Không tạo được thư mục dữ liệu \(folder): \(error.localizedDescription)")
            }
            app.databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url, let searchPath):
            var config: SQLPostgresConfiguration
            do {
                config = try SQLPostgresConfiguration(url: url)
            } catch {
                throw StartupError("DATABASE_URL không hợp lệ: \(DatabaseLocation.redacted(url)) (\(error)).")
            }
            config.searchPath = searchPath.map { [$0] }
            app.databases.use(.postgres(configuration: config, sqlLogLevel: .debug), as: .psql)
        }
    }

    /// Settings that belong to the database file rather than a connection.
    static func prepare(_ db: any Database) async throws {
        guard db is any SQLDatabase, let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}
