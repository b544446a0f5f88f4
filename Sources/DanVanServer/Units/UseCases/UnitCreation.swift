import DanVanCore
import Fluent

/// Adding a unit under a parent the actor may add to (a root: administrators only).
enum UnitCreation {
    static func perform(_ draft: UnitDraft, parentCode: String?, reportsToCode: String?,
                        by actor: Actor, on db: any Database) async throws -> OrgUnit {
        let parentCode = UnitInput.nonEmpty(parentCode)
        return try await db.writeTransaction { tx in
            _ = try await UnitReferences.requireParent(parentCode, field: "parentCode", by: actor, on: tx)
            let valid = try UnitStore.validated(draft)
            let reportsTo = try await UnitReferences.reportsTo(reportsToCode, currently: nil, by: actor, on: tx)
            return try await UnitStore.insert(valid, parentCode: parentCode, reportsTo: reportsTo, by: actor, on: tx)
        }
    }
}
