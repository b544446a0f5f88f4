import DanVanCore
import Fluent
import SQLKit

/// A new target or task at the end of the plan, to be filled in on the edit page.
enum PlanItemAddition {
    static func perform(planID: Int, task: Bool, planVersion: Int, by actor: Actor, on db: any Database) async throws -> Int {
        try await db.writeTransaction { tx in
            let plan = try await PlanEditLock.lock(planID, expected: planVersion, by: actor, on: tx)
            let sql = try UnitClosure.sqlDatabase(tx)
            let table = task ? PlanTaskRecord.schema : PlanTargetRecord.schema
            let position = (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("position")), as: "last").from(table)
                .where("plan_id", .equal, planID).first()?.decode(column: "last", as: Int?.self) ?? -1) + 1
            let inserted: [any SQLRow]
            if task {
                inserted = try await SQLRows.insert([PlanRows.Task(planID: planID, position: position, text: "Nhiệm vụ mới", section: "",
                                                                   group: nil, timingRaw: "", months: "", recurrence: nil, deadline: nil,
                                                                   asDirected: false, leadNames: "[]", coordinatingNames: "[]", line: 0)],
                                                    into: table, returning: ["id"], on: sql)
            } else {
                inserted = try await SQLRows.insert([PlanRows.Target(planID: planID, position: position, text: "Chỉ tiêu mới", comparator: "ge",
                                                                     value: nil, upper: nil, measure: "percent", subject: "", line: 0)],
                                                    into: table, returning: ["id"], on: sql)
            }
            guard let id = try inserted.first?.decode(column: "id", as: Int.self) else { throw AppError.internalError("Không thêm được.") }
            if task, let record = try await PlanTaskRecord.find(id, on: tx) { try await OccurrenceWriter.create(forTask: record, year: plan.year, on: tx) }
            try await AuditLog.record(task ? "plan.task.add" : "plan.target.add", entityType: "plan", entityKey: "#\(planID)", unitID: plan.unitID,
                                      before: nil, after: ["id": "\(id)"], by: actor, on: tx)
            return id
        }
    }
}
