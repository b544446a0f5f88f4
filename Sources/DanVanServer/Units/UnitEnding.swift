import DanVanCore
import Fluent

/// Ending a unit: it keeps its history and names the units that took over its work.
enum UnitEnding {
    static func end(_ unit: OrgUnit, on endDate: String, successorCodes: [String],
                    by actor: AuditActor, on tx: any Database) async throws {
        guard let date = CivilDate(parsing: endDate) else {
            throw AppError.invalid("validTo", "Ngày kết thúc \"\(endDate)\" không hợp lệ; ghi theo dạng 2025-06-30 hoặc 30/06/2025.")
        }
        if let from = unit.validFrom.flatMap(CivilDate.init(parsing:)), date < from {
            throw AppError.invalid("validTo", "Ngày kết thúc (\(date.vietnamese)) trước ngày bắt đầu (\(from.vietnamese)).")
        }
        let activeChildren = try await UnitQueries.children(of: unit.requireID, on: tx).filter { $0.isActive(on: date) }
        if let child = activeChildren.first {
            throw AppError.invalid("validTo", "Còn \(activeChildren.count) đơn vị trực thuộc đang hoạt động (ví dụ \"\(child.name)\"); "
                                   + "hãy chuyển hoặc kết thúc chúng trước.")
        }
        let successors = try await resolveSuccessors(successorCodes, of: unit, on: tx)
        let before = try await UnitQueries.dto(unit, on: tx)
        unit.validTo = date.description
        unit.version += 1
        try await unit.save(on: tx)
        try await ReportGeneration.bump(on: tx)
        try await replaceSuccessors(of: unit, with: successors, on: tx)
        try await AuditLog.record("unit.end", entityType: "unit", entityKey: unit.code, unitID: unit.id,
                                  before: before, after: try await UnitQueries.dto(unit, on: tx), by: actor, on: tx)
    }

    static func replaceSuccessors(of unit: OrgUnit, with successors: [OrgUnit], on tx: any Database) async throws {
        try await UnitSuccessor.query(on: tx).filter(\.$unitID == unit.requireID).delete()
        for successor in successors {
            try await UnitSuccessor(unitID: unit.requireID, successorID: successor.requireID).create(on: tx)
        }
    }

    static func resolveSuccessors(_ codes: [String], of unit: OrgUnit, on tx: any Database) async throws -> [OrgUnit] {
        var successors: [OrgUnit] = []
        for code in Set(codes.filter { !$0.isEmpty }).sorted() {
            let successor = try await UnitQueries.require(code: code, field: "successorCodes", on: tx)
            if successor.id == unit.id {
                throw AppError.invalid("successorCodes", "Đơn vị không thể kế thừa chính nó.")
            }
            successors.append(successor)
        }
        return successors
    }
}
