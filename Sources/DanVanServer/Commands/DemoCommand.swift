import ArgumentParser

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Nạp tổ chức mẫu (Lai Châu) vào thư mục dữ liệu; --scale national sinh thêm dữ liệu toàn quốc để đo hiệu năng.")

    enum Scale: String, ExpressibleByArgument, CaseIterable {
        case province
        case national
        case sample
    }

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "province: tổ chức mẫu Lai Châu; national: 34 tỉnh, ~3.300 xã, ~100.000 đơn vị; sample: bản thu nhỏ của national.")
    var scale: Scale = .province
    @ArgumentParser.Option(help: "Hạt giống sinh dữ liệu (cùng hạt giống, cùng dữ liệu).") var seed: Int = 1

    func run() async throws {
        try await AppRunner.withApplication(try common.settings(), .writes) { app in
            let hashing = PasswordHashing(app)
            let report = try await DemoLoader.loadIfEmpty(on: app.db, hashing: hashing, dataDirectory: app.settings.dataDirectory)
            CommandOutput.line(report.text)
            guard scale != .province else { return }
            let hash = try await hashing.hash(try DemoLoader.organisation().password)
            let summary = try await NationalDataset.generate(scale == .national ? .national : .sample, seed: seed,
                                                             passwordHash: hash, on: app.db, progress: ProgressBar())
            CommandOutput.line(summary.text)
        }
    }
}
