import Crypto
import Foundation
import Vapor

/// The stylesheet and scripts, served from memory under names that carry a hash of their
/// content (`/assets/app.1a2b3c4d5e.css`) and cached by browsers for a year: a phone on a slow
/// link downloads them once, and a new version has a new name.
struct Assets: Sendable {
    struct File: Sendable {
        let name: String
        let body: Data
        let contentType: HTTPMediaType
    }

    /// Source path under Resources/Public → the file as served.
    private let bySource: [String: File]
    private let byName: [String: File]

    static let sources = ["css/app.css", "js/upload.js"]
    static let cacheControl = "public, max-age=31536000, immutable"

    static func load(from folder: String) throws -> Assets {
        var files: [String: File] = [:]
        for source in sources {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(source)
            let body = try Data(contentsOf: url)
            let hash = SHA256.hash(data: body).prefix(5).map { String(format: "%02x", $0) }.joined()
            let ext = url.pathExtension
            let name = url.deletingPathExtension().lastPathComponent + "." + hash + "." + ext
            files[source] = File(name: name, body: body, contentType: HTTPMediaType.fileExtension(ext) ?? .binary)
        }
        return Assets(bySource: files, byName: Dictionary(uniqueKeysWithValues: files.values.map { ($0.name, $0) }))
    }

    /// The address a page links to for a source file.
    func href(_ source: String) -> String {
        SiteRoute.asset(bySource[source]?.name ?? source).path
    }

    func file(named name: String) -> File? { byName[name] }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.asset(SiteRoute.anyCode).pathComponents) { req -> Response in
            guard let file = file(named: try req.routeParameter()) else { throw AppError.notFound("Không tìm thấy tệp.") }
            let response = Response(status: .ok, body: .init(data: file.body))
            response.headers.contentType = file.contentType
            response.headers.replaceOrAdd(name: .cacheControl, value: Self.cacheControl)
            return response
        }
    }
}

extension Application {
    private struct AssetsKey: StorageKey {
        typealias Value = Assets
    }

    var assets: Assets {
        get { storage[AssetsKey.self] ?? (try? Assets.load(from: ResourcePaths.publicFiles)) ?? Assets.load(empty: ()) }
        set { storage[AssetsKey.self] = newValue }
    }
}

private extension Assets {
    static func load(empty: Void) -> Assets { Assets(bySource: [:], byName: [:]) }
}
