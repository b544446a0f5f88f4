import Foundation
import Testing
@testable import DanVanServer

@Suite("Start-up configuration")
struct StartupTests {
    @Test("a malformed DATABASE_URL is refused with a one-line reason", arguments: [
        ("mysql://localhost/danvan", "không được hỗ trợ"),
        ("postgres:///danvan", "thiếu tên máy chủ"),
        ("postgres://user:secret@localhost", "thiếu tên cơ sở dữ liệu"),
        ("::not a url::", "không hợp lệ"),
    ])
    func badDatabaseURL(url: String, message: String) throws {
        let settings = Settings(databaseURL: url, environment: [:])
        let error = #expect(throws: StartupError.self) { try DatabaseLocation.resolve(settings) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.contains("secret") == false, "passwords are never printed")
    }

    @Test("no DATABASE_URL means the SQLite file in the data folder")
    func defaultIsSQLite() throws {
        let settings = Settings(dataDirectory: "/srv/danvan", environment: [:])
        #expect(try DatabaseLocation.resolve(settings) == .sqliteFile(path: "/srv/danvan/danvan.sqlite"))
    }

    @Test("flags win over the environment, which wins over defaults")
    func settingsPrecedence() {
        let environment = ["DANVAN_DATA_DIR": "/env", "DANVAN_PORT": "9000", "DANVAN_HOSTNAME": "0.0.0.0"]
        let fromEnvironment = Settings(environment: environment)
        #expect(fromEnvironment.dataDirectory == "/env")
        #expect(fromEnvironment.port == 9000)
        let fromFlags = Settings(dataDirectory: "/flag", port: 7000, environment: environment)
        #expect(fromFlags.dataDirectory == "/flag")
        #expect(fromFlags.port == 7000)
        #expect(Settings(environment: [:]).port == 8080)
        #expect(Settings(environment: [:]).hostname == "127.0.0.1")
    }

    @Test("the command line exits 1 with one line for a malformed DATABASE_URL")
    func commandRefusesBadURL() async throws {
        let result = await CommandLineRun.run(["units", "list"], environment: ["DATABASE_URL": "mysql://x/y"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("danvan: DATABASE_URL"))
        #expect(result.errors.split(separator: "\n").count == 1)
    }

    @Test("a command that only reads makes no database file; it runs once the database is migrated")
    func readOnlyCommandsDoNotMigrate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-ro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = await CommandLineRun.run(["units", "list", "--data-dir", folder.path], environment: [:])
        #expect(missing.status == 1 && missing.errors.contains("danvan migrate"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("danvan.sqlite").path))
        let migrated = await CommandLineRun.run(["migrate", "--data-dir", folder.path], environment: [:])
        #expect(migrated.status == 0)
        let listed = await CommandLineRun.run(["units", "list", "--data-dir", folder.path], environment: [:])
        #expect(listed.status == 0, "\(listed.errors)")
    }

    @Test("the data folder and the database file are the server user's alone")
    func privateFiles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-mode-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(await CommandLineRun.run(["migrate", "--data-dir", folder.path], environment: [:]).status == 0)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("danvan.sqlite").path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700 && fileMode == 0o600)
    }

    @Test("CI's PostgreSQL suite is not silently skipped")
    func postgresRanWhenRequired() {
        if TestDatabase.postgresRequired {
            #expect(TestDatabase.postgresURL != nil, "DANVAN_REQUIRE_POSTGRES=1 but DANVAN_TEST_POSTGRES_URL is not set")
            #expect(TestDatabase.all.count == 2)
        } else {
            #expect(TestDatabase.all.count == (TestDatabase.postgresURL == nil ? 1 : 2))
        }
    }
}

@Suite("danvan import on the command line")
struct ImportCommandTests {
    private func run(_ arguments: [String]) async -> CommandLineRun.Result {
        await CommandLineRun.run(arguments, environment: [:])
    }

    @Test("a seed prints the JSON contract and exits 0")
    func seed() async throws {
        let result = await run(["import", CommandLineRun.repository.appendingPathComponent("Tests/DanVanDocumentsTests/Fixtures/seed-001.docx").path, "--json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(json?["kind"] as? String == "plan")
        #expect(json?["year"] as? Int == 2024)
        #expect(json?.keys.contains("theme") == true, "absent values are written as null")
    }

    @Test("a document that is not a plan still prints its JSON, with exit code 2; an unreadable file says why, exit 2")
    func notAPlan() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("bc.txt")
        try Data("BÁO CÁO\nKết quả 6 tháng đầu năm 2024\nI. KẾT QUẢ\nĐã tổ chức 12 cuộc.".utf8).write(to: report)
        let unknown = await run(["import", report.path, "--json"])
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("\"kind\" : \"unknown\""))
        let pdf = folder.appendingPathComponent("kh.pdf")
        try Data("%PDF-1.7".utf8).write(to: pdf)
        let refused = await run(["import", pdf.path, "--json"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("Không đọc được tệp PDF kh.pdf"))
        #expect(refused.output.isEmpty)
    }
}
