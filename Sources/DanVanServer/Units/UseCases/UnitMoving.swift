import DanVanCore
import Fluent

/// Putting a unit under another parent: the level above the unit moves it, into a parent the
/// actor may add to (none: it becomes a root, administrators only).
enum UnitMoving {
    static func perform(code: String, toParent parentCode: String?, readVersion: Int,
                        by actor: Actor, on db: any Database) async throws -> OrgUnit {
        try await db.writeTransaction { tx in
            let unit = try await UnitQueries.require(code: code, on: tx)
            try await Authorizer.require(actor, .moveUnit, on: unit, db: tx)
            let parentCode = UnitInput.nonEmpty(parentCode)
            _ = try await UnitReferences.requireParent(parentCode, field: "parentCode", by: actor, on: tx)
            try await UnitStore.checkVersion(of: unit, readVersion: readVersion, on: tx)
            try await UnitStore.reparent(unit, to: parentCode, by: actor, on: tx)
            return unit
        }
    }
}
