import Foundation
import DanVanCore
@testable import DanVanDocuments

/// The seed plans and their golden readings, committed under Fixtures/.
enum Fixtures {
    static let seeds = ["seed-000", "seed-001", "seed-004"]

    static func url(_ name: String) -> URL {
        (Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? URL(fileURLWithPath: "Fixtures")).appendingPathComponent(name)
    }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }

    /// Four real plans as a clerk pastes them from the web (see Fixtures/web-copies/README.md).
    static func webCopyPath(_ name: String) -> String {
        url("web-copies/" + name).path
    }

    static func golden(_ seed: String) throws -> PlanDocument {
        try JSONDecoder().decode(PlanDocument.self, from: data(seed + ".golden.json"))
    }
}
