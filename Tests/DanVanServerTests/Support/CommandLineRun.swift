import Foundation
@testable import DanVanServer

/// Runs `danvan` in this process, as a user would type it, with its own environment variables,
/// and keeps what it printed.
enum CommandLineRun {
    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], environment: [String: String]) async -> Result {
        let capture = CommandOutput(capturing: true)
        let status = await ProcessEnvironment.$override.withValue(environment) {
            await CommandOutput.$current.withValue(capture) { await DanVanCommand.run(arguments) }
        }
        return Result(status: status, output: capture.standardOutput, errors: capture.standardError)
    }
}
