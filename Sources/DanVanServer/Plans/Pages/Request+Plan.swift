import DanVanCore
import Vapor

extension Request {
    /// The plan with this id, if the signed-in user may do `action` on it (`viewPlans`: read it
    /// by `PlanReadership`; any other: the action on its unit); else 404 or 403.
    func plan(_ id: Int, for action: AccessAction) async throws -> Plan {
        guard let plan = try await Plan.find(id, on: db) else { throw AppError.notFound("Không tìm thấy kế hoạch.") }
        if action == .viewPlans {
            try await PlanAccess.requireReadable(plan, by: try requireUser(), on: db)
        } else {
            try await Authorizer.require(try requireUser(), action, onUnitID: plan.unitID, db: db)
        }
        return plan
    }
}
