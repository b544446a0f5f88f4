import Fluent
import SQLKit

/// A counter moved in the same transaction as every change to reported figures, so that any
/// server can tell whether a cached roll-up is still true with one cheap read.
enum ReportGeneration {
    static let table = "report_generation"

    static func bump(on db: any Database) async throws {
        try await UnitClosure.sqlDatabase(db).raw("UPDATE report_generation SET generation = generation + 1 WHERE id = 1").run()
    }

    static func current(on db: any Database) async throws -> Int {
        let row = try await UnitClosure.sqlDatabase(db).raw("SELECT generation FROM report_generation WHERE id = 1").first()
        return try row?.decode(column: "generation", as: Int.self) ?? 0
    }
}
