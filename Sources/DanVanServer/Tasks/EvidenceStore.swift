import DanVanCore
import Foundation

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
        try data.write(to: url, options: [.withoutOverwriting])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return name
    }

    func url(of storedName: String) -> URL? {
        // Stored names are ours (a UUID and an extension); anything else is not looked up.
        guard storedName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }), !storedName.hasPrefix(".") else { return nil }
        return folder.appendingPathComponent(storedName)
    }

    func remove(_ storedNames: [String]) {
        for name in storedNames { if let url = url(of: name) { try? FileManager.default.removeItem(at: url) } }
    }
}
