import DanVanCore
import Fluent
import SQLKit

/// Removes a target or a task (and a task's occurrences and their history).
enum PlanItemRemoval {
    static func perform(_ id: Int, task: Bool, planVersion: Int, by actor: Actor, on db: any Database) async throws -> Int {
        let planID: Int
        if task {
            guard let record = try await PlanTaskRecord.find(id, on: db) else { throw AppError.notFound("Không tìm thấy nhiệm vụ.") }
            planID = record.planID
        } else {
            guard let record = try await PlanTargetRecord.find(id, on: db) else { throw AppError.notFound("Không tìm thấy chỉ tiêu.") }
            planID = record.planID
        }
        try await db.writeTransaction { tx in
            let plan = try await PlanEditLock.lock(planID, expected: planVersion, by: actor, on: tx)
            let sql = try UnitClosure.sqlDatabase(tx)
            if task {
                try await sql.delete(from: "task_coordinators").where("task_id", .equal, id).run()
                try await TaskOccurrence.query(on: tx).filter(\.$taskID == id).delete()
                try await sql.update(PlanTaskRecord.schema).set("parent_task_id", to: SQLLiteral.null).where("parent_task_id", .equal, id).run()
                try await PlanTaskRecord.query(on: tx).filter(\.$id == id).delete()
            } else {
                try await sql.update(PlanTargetRecord.schema).set("parent_target_id", to: SQLLiteral.null).where("parent_target_id", .equal, id).run()
                try await PlanTargetRecord.query(on: tx).filter(\.$id == id).delete()
            }
            try await AuditLog.record(task ? "plan.task.remove" : "plan.target.remove", entityType: "plan", entityKey: "#\(planID)",
                                      unitID: plan.unitID, before: ["id": "\(id)"], after: nil, by: actor, on: tx)
        }
        return planID
    }
}
