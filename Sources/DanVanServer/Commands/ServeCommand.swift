import ArgumentParser
import Vapor

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Chạy máy chủ web.")

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "Địa chỉ lắng nghe (mặc định 127.0.0.1 hoặc DANVAN_HOSTNAME).") var hostname: String?
    @ArgumentParser.Option(help: "Cổng (mặc định 8080 hoặc DANVAN_PORT).") var port: Int?
    @ArgumentParser.Flag(help: "Nạp tổ chức mẫu (Lai Châu) nếu cơ sở dữ liệu còn trống.") var demo = false

    func run() async throws {
        let settings = try common.settings(hostname: hostname, port: port)
        let location = try DatabaseLocation.resolve(settings)
        var environment = Environment(name: "production", arguments: ["danvan", "serve"])
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try configure(app, settings: settings, database: location)
            try await migrate(app)
            if demo {
                let report = try await Today.$pinned.withValue(settings.today) {
                    try await DemoLoader.loadIfEmpty(on: app.db, hashing: PasswordHashing(app))
                }
                CommandOutput.line(report.text)
            }
            CommandOutput.line("DanVan đang chạy tại http://\(settings.hostname):\(settings.port)  (dữ liệu: \(describe(location)))")
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private func describe(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqliteFile(let path): path
        case .sqliteMemory: "bộ nhớ"
        case .postgres(let url, _): DatabaseLocation.redacted(url)
        }
    }
}
