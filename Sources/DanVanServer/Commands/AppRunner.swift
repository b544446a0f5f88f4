import Fluent
import Logging
import Vapor

/// Builds a configured, migrated application for a command, runs the body, shuts it down.
enum AppRunner {
    static func withApplication<T>(_ settings: Settings, logLevel: Logger.Level = .warning,
                                   _ body: (Application) async throws -> T) async throws -> T {
        let location = try DatabaseLocation.resolve(settings)
        var environment = Environment(name: "production", arguments: ["danvan"])
        environment.commandInput.arguments = []
        let app = try await Application.make(environment)
        app.logger.logLevel = logLevel
        do {
            try configure(app, settings: settings, database: location)
            try await migrate(app)
            let result = try await Today.$pinned.withValue(settings.today) { try await body(app) }
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
