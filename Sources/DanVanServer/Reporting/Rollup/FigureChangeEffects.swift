import DanVanCore
import Fluent

/// What must follow any change to a unit's figures or their stage, in the same transaction:
/// its parent's child sums recomputed and the cached roll-ups made stale.
enum FigureChangeEffects {
    static func apply(unitID: Int, period: ReportPeriod, on db: any Database) async throws {
        let parentID = try await OrgUnit.find(unitID, on: db)?.parentID
        try await ReportChildSums.refresh(parentID: parentID, year: period.year, endMonth: period.lastMonth, on: db)
        try await ReportGeneration.bump(on: db)
    }
}
