import DanVanCore
import Fluent

/// A model with its unit, loaded once for a page or a use case, with who may see it: whoever
/// may view its unit or a unit that succeeded it in the 2025 reform (the successor's register
/// lists its predecessors' models), and, once recognised, every unit under the campaign that
/// recognised it (so a commune can copy ("nhân rộng") another commune's recognised model).
struct ModelContext: Sendable {
    let model: MovementModel
    let unit: OrgUnit

    static func load(_ id: Int, on db: any Database) async throws -> ModelContext {
        guard let model = try await MovementModel.find(id, on: db), let unit = try await OrgUnit.find(model.unitID, on: db) else {
            throw AppError.notFound("Không tìm thấy mô hình.")
        }
        return ModelContext(model: model, unit: unit)
    }

    /// The unit's own work (its notes' files included): its people and those above, and the
    /// people of its successors.
    func mayViewOwnWork(by holder: some AccessHolder, on db: any Database) async throws -> Bool {
        if try await Authorizer.allows(holder, .viewUnit, on: unit, db: db) { return true }
        for link in try await UnitSuccessor.query(on: db).filter(\.$unitID == unit.requireID).all()
        where try await Authorizer.allows(holder, .viewUnit, onUnitID: link.successorID, db: db) {
            return true
        }
        return false
    }

    func mayView(by holder: some AccessHolder, on db: any Database) async throws -> Bool {
        if try await mayViewOwnWork(by: holder, on: db) { return true }
        guard model.modelStatus.isRecognised, let own = holder.accessUnitID, let campaignID = model.campaignID,
              let campaign = try await ModelCampaign.find(campaignID, on: db) else { return false }
        return try await UnitClosure.depth(from: campaign.unitID, to: own, on: db) != nil
    }

    static func visible(_ id: Int, by holder: some AccessHolder, on db: any Database) async throws -> ModelContext {
        let context = try await load(id, on: db)
        guard try await context.mayView(by: holder, on: db) else { throw AppError.forbidden }
        return context
    }
}
