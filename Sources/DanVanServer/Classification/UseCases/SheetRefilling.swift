import DanVanCore
import Fluent

/// The unit asking DanVan to measure again (after reports or tasks moved): its own sheet's
/// bound criteria re-filled, overridden scores kept.
enum SheetRefilling {
    static func refill(_ sheetID: Int, version: Int, today: CivilDate, by actor: Actor, on db: any Database) async throws -> SheetContext {
        let context = try await SheetContext.load(sheetID, on: db)
        try await Authorizer.require(actor, .scoreSheet, on: context.unit, db: db, message: "Bạn không được chấm điểm phiếu của đơn vị này.")
        guard context.sheet.state.unitMayEdit, context.round.state == .open else {
            throw AppError(.conflict, "Phiếu đang ở trạng thái \"\(context.sheet.state.label)\": không điền lại được.", field: "state")
        }
        return try await db.writeTransaction { tx in
            try await SheetWrites.bumpVersion(context.sheet, expected: version, columns: [:], on: tx)
            let filled = try await SheetPrefilling.prefill(roundID: context.round.requireID, asOf: today, onlySheet: sheetID, on: tx)
            try await AuditLog.record("classification.prefill", entityType: "classification_sheet", entityKey: "#\(sheetID)", unitID: context.unit.requireID,
                                      before: nil, after: ["criteria": "\(filled)"], by: actor, on: tx)
            return try await SheetContext.load(sheetID, on: tx)
        }
    }
}
