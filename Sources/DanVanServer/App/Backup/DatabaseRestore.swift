import DanVanDocuments
import Foundation
import NIOPosix
import SQLiteNIO

/// `danvan restore FILE [--force]`: puts a backup back into a data folder. The archive is
/// unpacked beside the folder first and its database must pass SQLite's integrity check; only
/// then are the database and the evidence files moved in. A data folder that already holds data
/// is not overwritten without `--force`. Run it with the server stopped.
enum DatabaseRestore {
    static func perform(from file: URL, into dataDirectory: String, force: Bool) async throws -> BackupArchive.Manifest {
        let data = URL(fileURLWithPath: dataDirectory)
        let database = data.appendingPathComponent(BackupArchive.databaseName)
        let evidence = data.appendingPathComponent(BackupArchive.evidenceFolder)
        if !force, holdsData(database: database, evidence: evidence) {
            throw StartupError("Thư mục dữ liệu \(dataDirectory) đã có dữ liệu; không ghi đè. Dùng --force nếu chắc chắn muốn thay bằng bản sao lưu.")
        }
        guard FileManager.default.fileExists(atPath: file.path) else { throw StartupError("Không có tệp \(file.path).") }
        let scratch = try PrivateFolder.make(beside: data, prefix: ".restore")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest: BackupArchive.Manifest
        do {
            manifest = try BackupArchive.extract(file, into: scratch)
        } catch let failure as BackupArchive.Failure {
            throw StartupError(failure.description)
        } catch {
            throw StartupError("Bản sao lưu \(file.lastPathComponent) bị hỏng (\(error)); không phục hồi gì.")
        }
        let restored = scratch.appendingPathComponent(BackupArchive.databaseName)
        if let problem = try await integrityProblem(restored) {
            throw StartupError("Cơ sở dữ liệu trong bản sao lưu không toàn vẹn (\(problem)); không phục hồi gì.")
        }
        try replace(database: database, evidence: evidence, with: restored, scratch.appendingPathComponent(BackupArchive.evidenceFolder))
        return manifest
    }

    private static func holdsData(database: URL, evidence: URL) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int) ?? 0
        let files = (try? FileManager.default.contentsOfDirectory(atPath: evidence.path)) ?? []
        return size > 0 || !files.isEmpty
    }

    /// nil when `PRAGMA integrity_check` says "ok", else what it said first.
    static func integrityProblem(_ file: URL) async throws -> String? {
        let connection = try await SQLiteConnection.open(storage: .file(path: file.path))
        let answers = NIOLockedValueBoxStrings()
        try await connection.query("PRAGMA integrity_check", []) { row in
            answers.append(row.column("integrity_check")?.string ?? "?")
        }
        try await connection.close()
        let lines = answers.values
        return lines == ["ok"] ? nil : (lines.first ?? "không đọc được")
    }

    private static func replace(database: URL, evidence: URL, with restored: URL, _ restoredEvidence: URL) throws {
        let files = FileManager.default
        for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: database.path + suffix) }
        try files.moveItem(at: restored, to: database)
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: database.path)
        try? files.removeItem(at: evidence)
        if files.fileExists(atPath: restoredEvidence.path) {
            try files.moveItem(at: restoredEvidence, to: evidence)
            try files.setAttributes([.posixPermissions: 0o700], ofItemAtPath: evidence.path)
        }
    }
}

/// Rows collected from SQLite's callback, which may run on another thread.
private final class NIOLockedValueBoxStrings: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ value: String) { lock.withLock { storage.append(value) } }
    var values: [String] { lock.withLock { storage } }
}
