import DanVanCore
import Fluent

/// The steps of changing units, inside a use case's transaction (Units/UseCases): the unit, its
/// closure rows, the children sums that depend on its place, and the audit entry. Nothing here
/// asks who may: the use cases do, before they call these.
enum UnitStore {
    /// Inserts without opening a transaction: for callers that already hold one (imports).
    static func insert(_ valid: ValidUnit, parentCode: String?, reportsTo: OrgUnit?,
                       by actor: Actor, on tx: any Database) async throws -> OrgUnit {
        if try await UnitQueries.find(code: valid.code, on: tx) != nil {
            throw AppError.invalid("code", "Mã đơn vị \"\(valid.code)\" đã được dùng cho đơn vị khác.")
        }
        let parent = try await parentCode.asyncMap { try await UnitQueries.require(code: $0, field: "parentCode", on: tx) }
        if let parent, let issue = UnitValidation.levelIssue(child: valid.level, parent: parent.unitLevel) {
            throw AppError.validation(ValidationFailure([issue]))
        }
        let unit = OrgUnit()
        unit.apply(valid)
        unit.parentID = parent?.id
        unit.reportsToID = reportsTo?.id
        unit.version = 1
        try await unit.create(on: tx)
        try await UnitClosure.insertNode(unit.requireID, parent: unit.parentID, on: tx)
        try await AuditLog.record("unit.create", entityType: "unit", entityKey: unit.code, unitID: unit.id,
                                  before: nil, after: try await UnitQueries.dto(unit, on: tx), by: actor, on: tx)
        return unit
    }

    /// Applies new fields to a loaded unit inside the caller's transaction.
    static func replaceFields(of unit: OrgUnit, with valid: ValidUnit, reportsTo: OrgUnit?,
                              by actor: Actor, on tx: any Database) async throws {
        let before = try await UnitQueries.dto(unit, on: tx)
        if valid.code != unit.code, try await UnitQueries.find(code: valid.code, on: tx) != nil {
            throw AppError.invalid("code", "Mã đơn vị \"\(valid.code)\" đã được dùng cho đơn vị khác.")
        }
        try await checkLevel(valid.level, of: unit, on: tx)
        unit.apply(valid)
        if let reportsTo, reportsTo.id == unit.id {
            throw AppError.invalid("reportsToCode", "Đơn vị không thể báo cáo cho chính nó.")
        }
        unit.reportsToID = reportsTo?.id
        unit.version += 1
        try await unit.save(on: tx)
        try await ReportGeneration.bump(on: tx)
        try await AuditLog.record("unit.update", entityType: "unit", entityKey: unit.code, unitID: unit.id,
                                  before: before, after: try await UnitQueries.dto(unit, on: tx), by: actor, on: tx)
    }

    static func reparent(_ unit: OrgUnit, to parentCode: String?, by actor: Actor, on tx: any Database) async throws {
        let parent = try await parentCode.asyncMap { try await UnitQueries.require(code: $0, field: "parentCode", on: tx) }
        guard parent?.id != unit.parentID else { return }
        if let parent {
            if try await UnitClosure.depth(from: unit.requireID, to: parent.requireID, on: tx) != nil {
                throw AppError.invalid("parentCode", "Không thể chuyển \"\(unit.name)\" vào \"\(parent.name)\" vì "
                                       + "\"\(parent.name)\" là chính nó hoặc đơn vị trực thuộc nó (tạo vòng lặp).")
            }
            if let issue = UnitValidation.levelIssue(child: unit.unitLevel, parent: parent.unitLevel) {
                throw AppError.validation(ValidationFailure([ValidationIssue(field: "parentCode", message: issue.message)]))
            }
        }
        let before = try await UnitQueries.dto(unit, on: tx)
        let oldParentID = unit.parentID
        unit.parentID = parent?.id
        unit.version += 1
        try await unit.save(on: tx)
        try await UnitClosure.moveSubtree(unit.requireID, to: parent?.id, on: tx)
        try await ReportChildSums.refreshAllPeriods(parentID: oldParentID, on: tx)
        try await ReportChildSums.refreshAllPeriods(parentID: parent?.id, on: tx)
        try await ReportGeneration.bump(on: tx)
        try await AuditLog.record("unit.move", entityType: "unit", entityKey: unit.code, unitID: unit.id,
                                  before: before, after: try await UnitQueries.dto(unit, on: tx), by: actor, on: tx)
    }

    /// Refuses a change made on a version someone has since replaced. Called after authorization:
    /// the refusal carries the current data.
    static func checkVersion(of unit: OrgUnit, readVersion: Int, on tx: any Database) async throws {
        guard unit.version == readVersion else {
            throw AppError.staleVersion(current: try await UnitQueries.dto(unit, on: tx),
                                        readVersion: readVersion, currentVersion: unit.version)
        }
    }

    static func validated(_ draft: UnitDraft) throws -> ValidUnit {
        switch UnitValidation.validate(draft) {
        case .success(let valid): return valid
        case .failure(let failure): throw AppError.validation(failure)
        }
    }

    private static func checkLevel(_ level: UnitLevel, of unit: OrgUnit, on tx: any Database) async throws {
        if let parentID = unit.parentID, let parent = try await OrgUnit.find(parentID, on: tx),
           let issue = UnitValidation.levelIssue(child: level, parent: parent.unitLevel) {
            throw AppError.validation(ValidationFailure([issue]))
        }
        let children = try await UnitQueries.children(of: unit.requireID, on: tx)
        if let child = children.first(where: { UnitValidation.levelIssue(child: $0.unitLevel, parent: level) != nil }) {
            throw AppError.invalid("level", "Không thể đặt cấp \(level.label): đơn vị trực thuộc \"\(child.name)\" "
                                   + "ở cấp \(child.unitLevel.label) sẽ cao hơn đơn vị cấp trên.")
        }
    }
}
