import ArgumentParser
import Foundation

/// `danvan`: the server and its administration commands.
public struct DanVanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "danvan",
        abstract: "DanVan: lập kế hoạch, theo dõi và báo cáo công tác dân vận.",
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, UnitsCommand.self, UserCommand.self, ImportCommand.self, PlanCommand.self, ModelsCommand.self, CriteriaCommand.self, ClassifyCommand.self, DeadlineCommand.self, CasesCommand.self, IdentityCommand.self, PeopleCommand.self, TrainingCommand.self, InspectionsCommand.self, PublicationsCommand.self, RollupCommand.self, ExportCommand.self, BackupCommand.self, RestoreCommand.self, BenchmarkCommand.self])

    public init() {}

    /// Runs the command line and exits with its status.
    public static func runMain() async {
        Foundation.exit(await run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs the command line in this process and returns its exit status: 0 done, 1 a start-up
    /// problem (one line, never a stack trace), 2 a file or input refused, or ArgumentParser's
    /// code for a usage error. Output goes to `CommandOutput.current`, so tests capture it.
    public static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as StartupError {
            CommandOutput.error("danvan: " + error.description + "\n")
            return 1
        } catch let error as PlanImportFailure {
            CommandOutput.error("danvan: " + error.description + "\n")
            return 2
        } catch let error as AppError {
            CommandOutput.error("danvan: " + error.reason + "\n")
            return 2
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { CommandOutput.line(message) } else { CommandOutput.error(message + "\n") }
            }
            return code.rawValue
        }
    }
}
