import DanVanCore
import Fluent

/// Changing a unit's fields. Its validity dates are not ordinary fields: moving them changes
/// which reports the unit owes and whether it shows above, so they follow the rule for ending
/// a unit (the level above decides; an end date needs its children ended first).
enum UnitEditing {
    static func perform(code: String, with draft: UnitDraft, reportsToCode: String?, readVersion: Int,
                        by actor: Actor, on db: any Database) async throws -> OrgUnit {
        try await db.writeTransaction { tx in
            let unit = try await UnitQueries.require(code: code, on: tx)
            try await Authorizer.require(actor, .editUnit, on: unit, db: tx)
            let valid = try UnitStore.validated(draft)
            try await UnitStore.checkVersion(of: unit, readVersion: readVersion, on: tx)
            if valid.validFrom?.description != unit.validFrom || valid.validTo?.description != unit.validTo {
                try await Authorizer.require(actor, .endUnit, on: unit, db: tx,
                                             message: "Ngày bắt đầu, ngày kết thúc của \"\(unit.name)\" do cấp trên thay đổi.")
                if let end = valid.validTo, end.description != unit.validTo {
                    try await UnitEnding.checkCanEnd(unit, on: end, from: valid.validFrom, on: tx)
                }
            }
            let reportsTo = try await UnitReferences.reportsTo(reportsToCode, currently: unit.reportsToID, by: actor, on: tx)
            try await UnitStore.replaceFields(of: unit, with: valid, reportsTo: reportsTo, by: actor, on: tx)
            return unit
        }
    }
}
