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

    static func golden(_ seed: String) throws -> PlanDocument {
        try JSONDecoder().decode(PlanDocument.self, from: data(seed + ".golden.json"))
    }
}
