import DanVanCore
import Fluent

/// Ending a unit: the level above sets its last day and names the units that take over its
/// work. It keeps its history; successors inherit its figures, so each must be a unit the
/// actor may act on.
enum UnitEnding {
    static func perform(code: String, on rawDate: String, successorCodes: [String], readVersion: Int,
                        by actor: Actor, on db: any Database) async throws -> OrgUnit {
        try await db.writeTransaction { tx in
            let unit = try await UnitQueries.require(code: code, on: tx)
            try await Authorizer.require(actor, .endUnit, on: unit, db: tx)
            try await UnitStore.checkVersion(of: unit, readVersion: readVersion, on: tx)
            guard let date = CivilDate(parsing: rawDate) else {
                throw AppError.invalid("validTo", "Ngày kết thúc \"\(rawDate)\" không hợp lệ; ghi theo dạng 2025-06-30 hoặc 30/06/2025.")
            }
            try await checkCanEnd(unit, on: date, from: unit.validFrom.flatMap(CivilDate.init(parsing:)), on: tx)
            let successors = try await resolveSuccessors(successorCodes, of: unit, by: actor, on: tx)
            let before = try await UnitQueries.dto(unit, on: tx)
            unit.validTo = date.description
            unit.version += 1
            try await unit.save(on: tx)
            try await ReportGeneration.bump(on: tx)
            try await replaceSuccessors(of: unit, with: successors, on: tx)
            try await AuditLog.record("unit.end", entityType: "unit", entityKey: unit.code, unitID: unit.id,
                                      before: before, after: try await UnitQueries.dto(unit, on: tx), by: actor, on: tx)
            return unit
        }
    }

    /// An end date is not before the start, and no unit below is still active on it.
    static func checkCanEnd(_ unit: OrgUnit, on date: CivilDate, from start: CivilDate?, on tx: any Database) async throws {
        if let start, date < start {
            throw AppError.invalid("validTo", "Ngày kết thúc (\(date.vietnamese)) trước ngày bắt đầu (\(start.vietnamese)).")
        }
        let activeChildren = try await UnitQueries.children(of: unit.requireID, on: tx).filter { $0.isActive(on: date) }
        if let child = activeChildren.first {
            throw AppError.invalid("validTo", "Còn \(activeChildren.count) đơn vị trực thuộc đang hoạt động (ví dụ \"\(child.name)\"); "
                                   + "hãy chuyển hoặc kết thúc chúng trước.")
        }
    }

    static func replaceSuccessors(of unit: OrgUnit, with successors: [OrgUnit], on tx: any Database) async throws {
        try await UnitSuccessor.query(on: tx).filter(\.$unitID == unit.requireID).delete()
        for successor in successors {
            try await UnitSuccessor(unitID: unit.requireID, successorID: successor.requireID).create(on: tx)
        }
    }

    static func resolveSuccessors(_ codes: [String], of unit: OrgUnit, by actor: Actor, on tx: any Database) async throws -> [OrgUnit] {
        var successors: [OrgUnit] = []
        for code in Set(codes.filter { !$0.isEmpty }).sorted() {
            let successor = try await UnitReferences.require(code, field: "successorCodes", label: "Đơn vị kế thừa", by: actor, on: tx)
            if successor.id == unit.id {
                throw AppError.invalid("successorCodes", "Đơn vị không thể kế thừa chính nó.")
            }
            successors.append(successor)
        }
        return successors
    }
}
