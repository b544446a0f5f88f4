import DanVanCore
import Fluent
import SQLKit

/// An inspection with its inspecting unit and the units it inspected. Who may see it: whoever
/// may view the inspecting unit or one of the inspected units.
struct InspectionContext: Sendable {
    let inspection: Inspection
    let unit: OrgUnit
    let subjects: [OrgUnit]

    static func load(_ id: Int, on db: any Database) async throws -> InspectionContext {
        guard let inspection = try await Inspection.find(id, on: db) else { throw AppError.notFound("Không tìm thấy cuộc kiểm tra, giám sát #\(id).") }
        guard let unit = try await OrgUnit.find(inspection.unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị kiểm tra.") }
        let ids = try await UnitClosure.sqlDatabase(db).select().column("unit_id").from("inspection_subjects").where("inspection_id", .equal, id).all()
            .map { try $0.decode(column: "unit_id", as: Int.self) }
        let subjects = ids.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ ids).all().sortedForDisplay()
        return InspectionContext(inspection: inspection, unit: unit, subjects: subjects)
    }

    static func visible(_ id: Int, by holder: some AccessHolder, on db: any Database) async throws -> InspectionContext {
        let context = try await load(id, on: db)
        if try await Authorizer.allows(holder, .viewUnit, on: context.unit, db: db) { return context }
        for subject in context.subjects where try await Authorizer.allows(holder, .viewUnit, on: subject, db: db) { return context }
        throw AppError.forbidden
    }
}
