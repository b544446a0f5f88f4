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
            try createPrivately(path)
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

    /// The data folder (0700) and the database file (0600) are the server user's alone: they hold
    /// accounts and, later, citizens' data. SQLite gives its -wal and -shm files the file's mode.
    private static func createPrivately(_ path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let files = FileManager.default
        do {
            if !files.fileExists(atPath: folder) {
                try files.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            if !files.fileExists(atPath: path) {
                guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw StartupError("Không tạo được tệp dữ liệu \(path).")
                }
            }
        } catch let error as StartupError {
            throw error
        } catch {
            throw StartupError("Không tạo được thư mục dữ liệu \(folder): \(error.localizedDescription)")
        }
    }

    /// Migrations the database has not run yet, without changing anything (read-only commands
    /// refuse to run on an older schema instead of upgrading it behind the user's back).
    static func pendingMigrations(_ db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let done: Set<String>
        do {
            done = Set(try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) })
        } catch {
            done = []
        }
        return MigrationList.all.map(\.name).filter { !done.contains($0) }
    }

    /// Settings that belong to the database file rather than a connection.
    static func prepare(_ db: any Database) async throws {
        guard db is any SQLDatabase, let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}
