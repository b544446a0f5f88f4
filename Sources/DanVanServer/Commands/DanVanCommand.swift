import ArgumentParser
import Foundation

/// `danvan`: the server and its administration commands.
public struct DanVanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "danvan",
        abstract: "DanVan: lập kế hoạch, theo dõi và báo cáo công tác dân vận.",
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, UnitsCommand.self, UserCommand.self, ImportCommand.self, PlanCommand.self, RollupCommand.self, ExportCommand.self, BenchmarkCommand.self])

    public init() {}

    /// Runs the command line; a startup problem prints one line and exits 1, never a stack trace.
    public static func runMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as StartupError {
            FileHandle.standardError.write(Data(("danvan: " + error.description + "\n").utf8))
            Foundation.exit(1)
        } catch let error as PlanImportFailure {
            FileHandle.standardError.write(Data(("danvan: " + error.description + "\n").utf8))
            Foundation.exit(2)
        } catch let error as AppError {
            FileHandle.standardError.write(Data(("danvan: " + error.reason + "\n").utf8))
            Foundation.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}
