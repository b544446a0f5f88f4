import DanVanCore
import Fluent
import SQLKit

/// Which campaign governs a unit's registrations in a year: the one launched by the nearest
/// unit at or above it whose scope (unit kinds) takes it in, or none.
enum ModelCampaigns {
    static func governing(unitID: Int, year: Int, on db: any Database) async throws -> ModelCampaign? {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT m.id FROM model_campaigns m JOIN unit_closure c ON c.ancestor_id = m.unit_id AND c.descendant_id = \(bind: unitID)
            WHERE m.year = \(bind: year) ORDER BY c.depth
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        guard let nearest = ids.first else { return nil }
        return try await ModelCampaign.find(nearest, on: db)
    }

    /// The campaign launched by the unit itself, or the one governing it, for a page about the unit.
    static func forUnit(_ unitID: Int, year: Int, on db: any Database) async throws -> ModelCampaign? {
        try await governing(unitID: unitID, year: year, on: db)
    }
}
