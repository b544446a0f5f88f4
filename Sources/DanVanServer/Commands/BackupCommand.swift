import ArgumentParser
import DanVanDocuments
import Foundation

/// `danvan backup FILE`: one archive with a consistent copy of the database and the evidence files.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Sao lưu cơ sở dữ liệu (SQLite) và các tệp minh chứng vào một tệp, kể cả khi máy chủ đang chạy.")

    @Argument(help: "Tệp sao lưu sẽ tạo (ví dụ danvan-2026-11-30.zip).") var file: String
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let settings = try common.settings()
        let manifest = try await AppRunner.withApplication(settings, .asIs) { app in
            try await DatabaseBackup.perform(to: URL(fileURLWithPath: file), dataDirectory: settings.dataDirectory, on: app.db)
        }
        CommandOutput.line("Đã sao lưu vào \(file): cơ sở dữ liệu và \(manifest.evidenceFiles) tệp minh chứng.")
    }
}

/// `danvan restore FILE [--force]`: a backup put back into the data folder, after an integrity check.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Phục hồi từ tệp sao lưu vào thư mục dữ liệu (hãy dừng máy chủ trước).")

    @Argument(help: "Tệp sao lưu do `danvan backup` tạo.") var file: String
    @Flag(help: "Ghi đè thư mục dữ liệu đang có dữ liệu.") var force = false
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let settings = try common.settings()
        guard settings.databaseURL == nil else { throw StartupError(DatabaseBackup.postgresAdvice) }
        let manifest = try await DatabaseRestore.perform(from: URL(fileURLWithPath: file), into: settings.dataDirectory, force: force)
        CommandOutput.line("Đã phục hồi bản sao lưu ngày \(manifest.createdAt.formatted(.iso8601.year().month().day())) "
                           + "vào \(settings.dataDirectory): cơ sở dữ liệu và \(manifest.evidenceFiles) tệp minh chứng. "
                           + "Chạy `danvan serve` để nâng cấp và mở lại.")
    }
}
