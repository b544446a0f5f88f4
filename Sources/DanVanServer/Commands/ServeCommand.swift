import ArgumentParser
import NIOCore
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
            try await EvidenceStore.removeOrphans(of: app)
            if demo {
                let report = try await Today.$pinned.withValue(settings.today) {
                    try await DemoLoader.loadIfEmpty(on: app.db, hashing: PasswordHashing(app), dataDirectory: app.settings.dataDirectory)
                }
                CommandOutput.line(report.text)
            }
            app.lifecycle.use(JobRunnerLifecycle())
            let data = describe(location)
            let announce = Task { await Self.announce(app, data: data) }
            try await app.execute()
            announce.cancel()
            try await app.asyncShutdown()
        } catch let error as IOError where error.errnoCode == EADDRINUSE || error.errnoCode == EACCES {
            try? await app.asyncShutdown()
            throw StartupError(error.errnoCode == EADDRINUSE
                ? "Cổng \(settings.port) đang được chương trình khác dùng; hãy chọn cổng khác bằng --port hoặc DANVAN_PORT."
                : "Không được phép mở cổng \(settings.port) (cổng dưới 1024 cần quyền quản trị); hãy chọn cổng khác.")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Says where the server listens once it does: a port that could not be bound ends the
    /// command with Vapor's error instead, and nothing claims it is running.
    private static func announce(_ app: Application, data: String) async {
        for _ in 0..<1_200 {
            if let address = app.http.server.shared.localAddress, let port = address.port {
                CommandOutput.line("DanVan đang chạy tại http://\(address.ipAddress ?? "127.0.0.1"):\(port)  (dữ liệu: \(data))")
                return
            }
            try? await Task.sleep(nanoseconds: 50_000_000)
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
