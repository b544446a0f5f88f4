import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import DanVanServer

/// Builds an application on a fresh, migrated database for one test and tears it down after.
/// On PostgreSQL each test gets its own schema, so tests can run in parallel.
func withTestApp(_ database: TestDatabase, settings adjust: (inout Settings) -> Void = { _ in },
                 _ body: (Application) async throws -> Void) async throws {
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    let location: DatabaseLocation = switch database {
    case .sqlite: .sqliteMemory
    case .postgres(let url): .postgres(url: url, searchPath: String(schema))
    }
    try await withApps(count: 1, location: location, schema: String(schema), adjust: adjust) { apps in try await body(apps[0]) }
}

/// Several application instances on one database, as app servers behind a load balancer.
func withTwoApps(_ database: TestDatabase, settings adjust: (inout Settings) -> Void = { _ in },
                 _ body: (Application, Application) async throws -> Void) async throws {
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
    let location: DatabaseLocation = switch database {
    case .sqlite: .sqliteFile(path: FileManager.default.temporaryDirectory.appendingPathComponent("danvan-\(schema).sqlite").path)
    case .postgres(let url): .postgres(url: url, searchPath: String(schema))
    }
    try await withApps(count: 2, location: location, schema: String(schema), adjust: adjust) { apps in try await body(apps[0], apps[1]) }
}

private func withApps(count: Int, location: DatabaseLocation, schema: String, adjust: (inout Settings) -> Void = { _ in },
                      _ body: ([Application]) async throws -> Void) async throws {
    var apps: [Application] = []
    // Files the app writes (evidence) go to a folder of this test's own, removed after it.
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
    do {
        for index in 0..<count {
            let app = try await Application.make(.testing)
            apps.append(app)
            app.logger.logLevel = .warning
            var settings = makeTestSettings()
            settings.dataDirectory = dataDirectory
            adjust(&settings)
            try configure(app, settings: settings, database: location)
            if index == 0 {
                if case .postgres = location {
                    try await (app.db as? any SQLDatabase)?.raw("CREATE SCHEMA \(ident: schema)").run()
                }
                try await migrate(app)
            }
        }
        try await body(apps)
    } catch {
        await tearDown(apps, location: location, schema: schema)
        throw error
    }
    await tearDown(apps, location: location, schema: schema)
}

private func tearDown(_ apps: [Application], location: DatabaseLocation, schema: String) async {
    if case .postgres = location, let first = apps.first {
        try? await (first.db as? any SQLDatabase)?.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    for app in apps {
        try? await app.asyncShutdown()
    }
    if case .sqliteFile(let path) = location {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

func makeTestSettings() -> Settings {
    var settings = Settings(environment: [:])
    settings.bcryptCost = 4
    return settings
}
