import DanVanCore
import Vapor

extension Request {
    /// The plan with this id, if the signed-in user may do `action` on its unit; else 404 or 403.
    func plan(_ id: String, for action: AccessAction) async throws -> Plan {
        let plan = try await PlanQueries.require(id: id, on: db)
        guard let unit = try await OrgUnit.find(plan.unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        try await authorize(action, on: unit)
        return plan
    }
}
