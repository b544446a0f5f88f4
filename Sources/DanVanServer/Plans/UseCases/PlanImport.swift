import DanVanCore
import Fluent

/// Storing a plan that was read from a file, from any path (the review page, the API, the
/// command line): the actor edits the issuing unit's plans, and the plan it implements must be
/// one the actor may read now. Linking is what would let them read it later, so an unreadable
/// plan is never linked, whether chosen or found from the document's basis.
enum PlanImport {
    enum Upper: Sendable {
        /// The reviewer chose it (nil: none).
        case chosen(Int?)
        /// Found from the plans the document names as its basis, among those the actor may read.
        case fromBasis
    }

    static func perform(_ document: PlanDocument, unitCode: String?, upper: Upper, sourceName: String?,
                        by actor: Actor, on db: any Database) async throws -> Int {
        let unit = try await issuingUnit(document, code: unitCode, on: db)
        try await Authorizer.require(actor, .editPlans, on: unit, db: db,
                                     message: "Bạn không được lưu kế hoạch cho đơn vị mã \(unit.code).")
        let issues = PlanValidation.issues(document)
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        let upperID = try await upperPlanID(upper, document: document, by: actor, on: db)
        return try await PlanStore.save(document, at: .init(unitID: unit.requireID, implementsPlanID: upperID, sourceName: sourceName),
                                        by: actor, on: db)
    }

    static func issuingUnit(_ document: PlanDocument, code: String?, on db: any Database) async throws -> OrgUnit {
        if let code = UnitInput.nonEmpty(code) { return try await UnitQueries.require(code: code, field: "unitCode", on: db) }
        guard let unit = try await PlanPlacementResolver.unit(forIssuer: document.issuer, year: document.year, on: db) else {
            throw AppError.invalid("unitCode", "Không xác định được đơn vị ban hành từ \"\(document.issuer ?? "")\"; hãy chọn đơn vị.")
        }
        return unit
    }

    private static func upperPlanID(_ upper: Upper, document: PlanDocument, by actor: Actor, on db: any Database) async throws -> Int? {
        switch upper {
        case .chosen(nil):
            return nil
        case .chosen(let id?):
            guard let plan = try await Plan.find(id, on: db), try await PlanAccess.mayRead(plan, by: actor, on: db) else {
                throw AppError.invalid("implementsPlanID", "Không có kế hoạch cấp trên mã \(id) trong các kế hoạch bạn được xem.")
            }
            return id
        case .fromBasis:
            let named = try await PlanPlacementResolver.upperPlans(for: document, on: db)
            return try await PlanAccess.readable(named, by: actor, on: db).first?.id
        }
    }
}
