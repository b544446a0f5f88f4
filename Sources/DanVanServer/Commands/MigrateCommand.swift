import ArgumentParser

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Tạo hoặc nâng cấp cơ sở dữ liệu.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await AppRunner.withApplication(try common.settings(), .writes) { _ in
            CommandOutput.line("Cơ sở dữ liệu đã ở phiên bản mới nhất.")
        }
    }
}
