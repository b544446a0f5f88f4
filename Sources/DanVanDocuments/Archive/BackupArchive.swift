import Foundation
import ZIPFoundation

/// A backup as one ZIP file: the database copy and the evidence files, stored uncompressed (a
/// restore never inflates: a damaged archive fails its checksums, it cannot hang), with a
/// manifest saying what it holds.
public enum BackupArchive {
    public struct Manifest: Codable, Equatable, Sendable {
        public let createdAt: Date
        public let database: String
        public let evidenceFiles: Int

        public init(createdAt: Date, database: String, evidenceFiles: Int) {
            self.createdAt = createdAt
            self.database = database
            self.evidenceFiles = evidenceFiles
        }
    }

    public static let manifestName = "danvan-backup.json"
    public static let databaseName = "danvan.sqlite"
    public static let evidenceFolder = "evidence"

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `database` and every file of `evidence` (may be missing) into a new archive at `url`.
    public static func write(to url: URL, database: URL, evidence: URL) throws -> Manifest {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw Failure(description: "Tệp \(url.path) đã có; hãy chọn tên khác cho bản sao lưu.")
        }
        let archive = try Archive(url: url, accessMode: .create)
        try archive.addEntry(with: databaseName, fileURL: database, compressionMethod: .none)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: evidence.path))?.filter { !$0.hasPrefix(".") }.sorted() ?? []
        for name in files {
            try archive.addEntry(with: evidenceFolder + "/" + name, fileURL: evidence.appendingPathComponent(name), compressionMethod: .none)
        }
        let manifest = Manifest(createdAt: Date(), database: databaseName, evidenceFiles: files.count)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(manifest)
        try archive.addEntry(with: manifestName, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return manifest
    }

    /// Extracts an archive into `folder` (which must be empty), checking every entry's checksum
    /// and refusing names that would leave the folder.
    public static func extract(_ url: URL, into folder: URL) throws -> Manifest {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw Failure(description: "Tệp \(url.lastPathComponent) không phải bản sao lưu DanVan (không đọc được ZIP).")
        }
        guard let manifestEntry = archive[manifestName] else {
            throw Failure(description: "Tệp \(url.lastPathComponent) không có \(manifestName): không phải bản sao lưu DanVan.")
        }
        var manifestData = Data()
        _ = try archive.extract(manifestEntry) { manifestData.append($0) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let manifest = try decoder.decode(Manifest.self, from: manifestData)
        for entry in archive where entry.path != manifestName {
            guard entry.type == .file, !entry.isCompressed, isSafe(entry.path) else {
                throw Failure(description: "Bản sao lưu có mục lạ \"\(entry.path)\"; không phục hồi.")
            }
            _ = try archive.extract(entry, to: folder.appendingPathComponent(entry.path))
        }
        return manifest
    }

    private static func isSafe(_ path: String) -> Bool {
        path == databaseName || (path.hasPrefix(evidenceFolder + "/") && !path.dropFirst(evidenceFolder.count + 1).contains("/")
                                 && !path.contains("..") && !path.hasSuffix("/"))
    }
}
