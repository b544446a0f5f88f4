import DanVanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Evidence files on disk, under the data folder, by generated names (never the uploader's):
/// readable by the server's user only. The database row says who may have them.
struct EvidenceStore {
    let folder: URL

    init(dataDirectory: String) {
        folder = URL(fileURLWithPath: dataDirectory).appendingPathComponent("evidence")
    }

    /// Writes the file and returns its stored name.
    func save(_ data: Data, originalName: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let ext = EvidencePolicy.fileExtension(of: originalName)
        let name = UUID().uuidString.lowercased() + (ext.isEmpty ? "" : "." + ext)
        let url = folder.appendingPathComponent(name)
        // Written whole under a temporary name and renamed: a crash never leaves half a file.
        try data.write(to: url, options: [.atomic])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return name
    }

    func url(of storedName: String) -> URL? {
        // Stored names are ours (a UUID and an extension); anything else is not looked up.
        guard storedName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }), !storedName.hasPrefix(".") else { return nil }
        return folder.appendingPathComponent(storedName)
    }

    /// Files no row names: written for a post whose transaction never committed (the server
    /// stopped in between). Only files older than `age` go, so a post being stored right now by
    /// another app server on the same folder keeps its files. Returns how many were removed.
    @discardableResult
    func removeOrphans(keeping referenced: Set<String>, olderThan age: TimeInterval = 3600, now: Date = Date()) -> Int {
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where !referenced.contains(name) {
            let url = folder.appendingPathComponent(name)
            guard let modified = (try? files.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > age else { continue }
            if (try? files.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }

    func remove(_ storedNames: [String]) {
        for name in storedNames { if let url = url(of: name) { try? FileManager.default.removeItem(at: url) } }
    }
}

extension EvidenceStore {
    /// A stored file as a response under its original name. Images and PDFs open in the browser;
    /// anything else downloads. Nothing in the file may run as this site.
    func download(storedName: String, originalName: String) throws -> Response {
        guard let url = url(of: storedName), let data = FileManager.default.contents(atPath: url.path) else {
            throw AppError.notFound("Tệp không còn trên máy chủ.")
        }
        let response = Response(status: .ok, body: .init(data: data))
        let ext = EvidencePolicy.fileExtension(of: originalName)
        response.headers.contentType = HTTPMediaType.fileExtension(ext) ?? .binary
        let encoded = originalName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "tep"
        let opensInBrowser = ["pdf", "jpg", "jpeg", "png"].contains(ext)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "\(opensInBrowser ? "inline" : "attachment"); filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }

    /// Every table whose rows name a stored file (its `stored_name`): a capability that keeps
    /// files here adds its table, or the start-up sweep would take its files for orphans.
    static let referencingTables = ["evidence_files", "model_note_files", "classification_files", "requirement_files"]

    /// The stored names every row of `referencingTables` keeps.
    static func referenced(on db: any Database) async throws -> Set<String> {
        let sql = try UnitClosure.sqlDatabase(db)
        var names = Set<String>()
        for table in referencingTables {
            for row in try await sql.raw("SELECT stored_name FROM \(ident: table)").all() { names.insert(try row.decode(column: "stored_name", as: String.self)) }
        }
        return names
    }

    /// At start-up: the files of posts that never committed are removed (see `removeOrphans`).
    static func removeOrphans(of app: Application) async throws {
        let removed = EvidenceStore(dataDirectory: app.settings.dataDirectory).removeOrphans(keeping: try await referenced(on: app.db))
        if removed > 0 { app.logger.notice("Đã xóa \(removed) tệp minh chứng không thuộc bản ghi nào (còn lại sau lần dừng máy chủ đột ngột).") }
    }
}
