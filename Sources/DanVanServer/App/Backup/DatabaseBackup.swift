import DanVanDocuments
import Fluent
import Foundation
import SQLKit

/// `danvan backup FILE`: a consistent copy of the SQLite database taken while the server runs
/// (`VACUUM INTO` reads one snapshot, whatever is in the WAL), with the evidence files, in one
/// archive readable only by its owner. A copy of `danvan.sqlite` alone is not a backup: recent
/// changes may still be in the -wal file. PostgreSQL is backed up with its own tools.
enum DatabaseBackup {
    static let postgresAdvice = "Cơ sở dữ liệu là PostgreSQL: sao lưu bằng `pg_dump -Fc` (phục hồi bằng `pg_restore`) "
        + "cùng với thư mục evidence trong thư mục dữ liệu; xem README, mục Sao lưu."

    static func perform(to file: URL, dataDirectory: String, on db: any Database) async throws -> BackupArchive.Manifest {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { throw StartupError(postgresAdvice) }
        let scratch = try PrivateFolder.make(beside: URL(fileURLWithPath: dataDirectory), prefix: ".backup")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = scratch.appendingPathComponent(BackupArchive.databaseName)
        try await sql.raw("VACUUM INTO \(bind: copy.path)").run()
        do {
            return try BackupArchive.write(to: file, database: copy,
                                           evidence: URL(fileURLWithPath: dataDirectory).appendingPathComponent(BackupArchive.evidenceFolder))
        } catch let failure as BackupArchive.Failure {
            throw StartupError(failure.description)
        }
    }
}

/// A folder only the server's user can open, removed by its caller.
enum PrivateFolder {
    static func make(beside folder: URL, prefix: String) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let url = folder.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return url
    }
}
