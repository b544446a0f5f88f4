import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLiteNIO
import Testing
import Vapor
@testable import DanVanServer

@Suite("Backup and restore")
struct BackupTests {
    @Test("20. a backup taken while reports are being submitted restores into a new folder with nothing lost")
    func backupUnderWrites() async throws {
        try await withTwoApps(.sqlite) { app, _ in
            let setup = try await ReportingFixture.make(app)
            let store = EvidenceStore(dataDirectory: app.settings.dataDirectory)
            let evidence = try store.save(Data("biên bản".utf8), originalName: "bien-ban.pdf")
            var reporters: [(String, User)] = []
            for code in ["T-D", "T-S", "T-C"] { reporters.append((code, try await setup.fixture.user("bc-\(code)", .reporter, at: code))) }
            for (code, reporter) in reporters.prefix(2) {
                let form = try await ReportForm.load(unitID: try await setup.fixture.unit(code).requireID, period: setup.period, on: app.db)
                _ = try await ReportEntering.enter(.submit, form: form, input: setup.input(ratio: ("9", "10"), count: "1", coverage: "1"),
                                                   by: Actor(reporter), today: Today.date, on: app.db)
            }
            let before = try await Report.query(on: app.db).count()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-backup-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let archive = folder.appendingPathComponent("sao-luu.zip")
            // The third unit keeps saving while the copy is taken.
            let (code, reporter) = reporters[2]
            let writer = Task {
                let form = try await ReportForm.load(unitID: try await setup.fixture.unit(code).requireID, period: setup.period, on: app.db)
                for round in 0..<20 {
                    let version = try await setup.report(code, on: app.db)?.version
                    var input = setup.input(ratio: ("\(round % 10)", "10"), count: "1", coverage: "1")
                    input.version = version
                    _ = try? await ReportEntering.enter(.save, form: form, input: input, by: Actor(reporter), today: Today.date, on: app.db)
                }
            }
            let manifest = try await DatabaseBackup.perform(to: archive, dataDirectory: app.settings.dataDirectory, on: app.db)
            try await writer.value
            #expect(manifest.evidenceFiles == 1)
            let mode = try FileManager.default.attributesOfItem(atPath: archive.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "the archive holds accounts: its owner's alone")

            let restoredFolder = folder.appendingPathComponent("moi")
            _ = try await DatabaseRestore.perform(from: archive, into: restoredFolder.path, force: false)
            let database = restoredFolder.appendingPathComponent("danvan.sqlite")
            #expect(try await DatabaseRestore.integrityProblem(database) == nil)
            let connection = try await SQLiteConnection.open(storage: .file(path: database.path))
            let counted = CountBox()
            try await connection.query("SELECT COUNT(*) AS n FROM reports WHERE state = 'submitted'", []) { counted.set($0.column("n")?.integer ?? -1) }
            try await connection.close()
            #expect(counted.value >= before, "every report submitted before the backup is in it")
            #expect(FileManager.default.fileExists(atPath: restoredFolder.appendingPathComponent("evidence/\(evidence)").path))

            let again = await CommandLineRun.run(["restore", archive.path, "--data-dir", restoredFolder.path], environment: [:])
            #expect(again.status == 1 && again.errors.contains("--force"), "a folder with data is not overwritten")
            let broken = folder.appendingPathComponent("hong.zip")
            try Data("không phải zip".utf8).write(to: broken)
            let refused = await CommandLineRun.run(["restore", broken.path, "--data-dir", folder.appendingPathComponent("khac").path], environment: [:])
            #expect(refused.status == 1 && refused.errors.contains("không phải bản sao lưu"))
        }
    }
}

private final class CountBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    func set(_ value: Int) { lock.withLock { stored = value } }
    var value: Int { lock.withLock { stored } }
}
