import Foundation

/// Where the templates, static files and the demo organisation ship: the resource bundle
/// built beside the binary.
enum ResourcePaths {
    static var root: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Sources/DanVanServer/Resources")
    }

    static var views: String { root.appendingPathComponent("Views").path + "/" }
    static var publicFiles: String { root.appendingPathComponent("Public").path + "/" }
    static func file(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
