import DanVanCore
import Fluent

/// Draft → issued, by the issuing unit itself (a unit above edits a draft below but does not
/// issue it in the lower unit's name). Every task needs its lead unit first.
enum PlanIssuing {
    static func perform(planID: Int, planVersion: Int, by actor: Actor, on db: any Database) async throws {
        try await db.writeTransaction { tx in
            guard let found = try await Plan.find(planID, on: tx) else { throw AppError.notFound("Không tìm thấy kế hoạch.") }
            try await Authorizer.require(actor, .issuePlans, onUnitID: found.unitID, db: tx,
                                         message: "Chỉ đơn vị ban hành kế hoạch mới được ban hành kế hoạch này.")
            let plan = try await PlanEditLock.lock(planID, expected: planVersion, by: actor, on: tx, keepRevision: false)
            guard plan.status == .draft else { throw AppError(.conflict, "Kế hoạch đã ban hành.", field: "status") }
            let unassigned = try await PlanTaskRecord.query(on: tx).filter(\.$planID == planID).filter(\.$leadUnitID == nil).count()
            guard unassigned == 0 else {
                throw AppError.invalid("lead", "Còn \(unassigned) nhiệm vụ chưa có đơn vị chủ trì; hãy giao trước khi ban hành.")
            }
            plan.status = .issued
            try await plan.save(on: tx)
            try await OccurrenceWriter.create(forPlan: planID, year: plan.year, on: tx)
            try await PlanNotices.issued(plan, on: tx)
            try await TaskNotices.assigned(planID: planID, on: tx)
            try await AuditLog.record("plan.issue", entityType: "plan", entityKey: "#\(planID)", unitID: plan.unitID,
                                      before: ["status": PlanStatus.draft.rawValue], after: ["status": PlanStatus.issued.rawValue],
                                      by: actor, on: tx)
        }
    }
}
