import DanVanCore
import Fluent

/// Every change to a stored plan goes through here inside its transaction: the actor must edit
/// the plan's unit, the change must be made on the version it read (two people editing at once:
/// the second gets 409 and keeps their input), and an issued plan is kept as a revision first.
enum PlanEditLock {
    static func lock(_ planID: Int, expected: Int, by actor: Actor, on tx: any Database, keepRevision: Bool = true) async throws -> Plan {
        guard let plan = try await Plan.find(planID, on: tx) else { throw AppError.notFound("Không tìm thấy kế hoạch.") }
        try await Authorizer.require(actor, .editPlans, onUnitID: plan.unitID, db: tx)
        guard plan.version == expected else {
            throw AppError(.conflict, "Kế hoạch vừa được người khác sửa; trang đã hiện nội dung mới, nội dung bạn nhập vẫn còn.", field: "version")
        }
        if keepRevision, plan.status == .issued {
            try await PlanRevisions.keep(plan, by: actor, on: tx)
            plan.revision += 1
        }
        plan.version += 1
        try await plan.save(on: tx)
        return plan
    }

    /// The lead unit named by code: it must exist and be the plan's unit or below it.
    static func leadUnit(_ code: String?, for plan: Plan, on db: any Database) async throws -> OrgUnit? {
        guard let code = UnitInput.nonEmpty(code) else { return nil }
        guard let unit = try await UnitQueries.find(code: code, on: db) else { throw AppError.invalid("lead", "Không có đơn vị mã \(code).") }
        // The closure holds each unit at depth 0, so the plan's own unit passes too.
        guard try await UnitClosure.depth(from: plan.unitID, to: unit.requireID, on: db) != nil else {
            throw AppError.invalid("lead", "\(unit.name) không thuộc đơn vị ban hành kế hoạch; chỉ giao chủ trì cho đơn vị mình hoặc cấp dưới.")
        }
        return unit
    }
}
