import ArgumentParser

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Nạp tổ chức mẫu (Lai Châu) vào thư mục dữ liệu.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await AppRunner.withApplication(common.settings()) { app in
            let report = try await DemoLoader.loadIfEmpty(on: app.db, hashing: PasswordHashing(app))
            print(report.text)
        }
    }
}
