import DanVanCore
import Fluent
import SQLKit

/// The notices of tasks: a reminder to the lead unit's people, and, when a plan is issued or a
/// task of an issued plan changes hands, one notice per unit given work (leading or coordinating).
enum TaskNotices {
    static func reminded(_ context: TaskContext, lead: OrgUnit, note: String, updateID: Int, by actor: Actor, on tx: any Database) async throws {
        let event = NotificationEvent(.taskReminded, unitID: lead.requireID,
                                      facts: [.task(context.task.text), .reason(note), .unit(lead.name), .person(official: actor.userID == nil ? "" : actor.displayName)],
                                      link: SiteRoute.occurrence(context.occurrence.requireID).path, key: "task.reminded:\(updateID)")
        try await NotificationWriter.notify(event, to: .unitStaff(lead.requireID), on: tx)
    }

    /// One notice per unit that leads or coordinates tasks of the plan, other than the plan's own unit.
    static func assigned(planID: Int, taskIDs: [Int]? = nil, on tx: any Database) async throws {
        guard let plan = try await Plan.find(planID, on: tx) else { return }
        let sql = try UnitClosure.sqlDatabase(tx)
        let only: SQLQueryString = taskIDs.map { "AND t.id IN (\(binds: $0.isEmpty ? [-1] : $0))" } ?? ""
        let rows = try await sql.raw("""
            SELECT x.unit_id, u.name, COUNT(*) AS n, MIN(x.text) AS sample FROM (
              SELECT t.lead_unit_id AS unit_id, t.text FROM plan_tasks t WHERE t.plan_id = \(bind: planID) AND t.lead_unit_id IS NOT NULL \(only)
              UNION ALL
              SELECT c.unit_id, t.text FROM task_coordinators c JOIN plan_tasks t ON t.id = c.task_id WHERE t.plan_id = \(bind: planID) \(only)
            ) x JOIN units u ON u.id = x.unit_id
            WHERE x.unit_id <> \(bind: plan.unitID)
            GROUP BY x.unit_id, u.name
            """).all()
        let planTitle = "\(DocumentType.planName(plan.documentType)) số \(plan.numberNormalized ?? "(chưa số)")"
        for row in rows {
            let unitID = try row.decode(column: "unit_id", as: Int.self)
            let count = try row.decode(column: "n", as: Int.self)
            let sample = try row.decode(column: "sample", as: String.self)
            let work = count == 1 ? sample : "\(count) nhiệm vụ, trong đó: \(sample)"
            let event = NotificationEvent(.taskAssigned, unitID: unitID,
                                          facts: [.unit(try row.decode(column: "name", as: String.self)), .task(work), .plan(planTitle)],
                                          link: SiteRoute.tasks.path,
                                          key: "task.assigned:\(planID):\(unitID):\(taskIDs.map { $0.map(String.init).joined(separator: ",") } ?? "issue")")
            try await NotificationWriter.notify(event, to: .unitStaff(unitID), on: tx)
        }
    }
}
