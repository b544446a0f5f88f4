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

    @Test("the danvan binary exits 1 with one line for a malformed DATABASE_URL")
    func binaryRefusesBadURL() throws {
        let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/danvan")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the danvan product first: \(binary.path)")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["units", "list"]
        process.environment = ["DATABASE_URL": "mysql://x/y", "PATH": "/usr/bin:/bin"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(text.hasPrefix("danvan: DATABASE_URL"))
        #expect(text.split(separator: "\n").count == 1)
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
    private func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, errors: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = root.appendingPathComponent(".build/debug/danvan")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the danvan product first")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test("a seed prints the JSON contract and exits 0")
    func seed() throws {
        let result = try run(["import", "Tests/DanVanDocumentsTests/Fixtures/seed-001.docx", "--json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(json?["kind"] as? String == "plan")
        #expect(json?["year"] as? Int == 2024)
        #expect(json?.keys.contains("theme") == true, "absent values are written as null")
    }

    @Test("a document that is not a plan still prints its JSON, with exit code 2; an unreadable file says why, exit 2")
    func notAPlan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("bc.txt")
        try Data("BÁO CÁO\nKết quả 6 tháng đầu năm 2024\nI. KẾT QUẢ\nĐã tổ chức 12 cuộc.".utf8).write(to: report)
        let unknown = try run(["import", report.path, "--json"])
        #expect(unknown.status == 2)
        #expect(unknown.output.contains("\"kind\" : \"unknown\""))
        let pdf = folder.appendingPathComponent("kh.pdf")
        try Data("%PDF-1.7".utf8).write(to: pdf)
        let refused = try run(["import", pdf.path, "--json"])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("PDF chưa được hỗ trợ"))
        #expect(refused.output.isEmpty)
    }
}
