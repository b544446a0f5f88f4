import DanVanCore
import Fluent

/// An occurrence with its task, plan and lead unit: what every task page and use case starts from.
struct TaskContext {
    let occurrence: TaskOccurrence
    let task: PlanTaskRecord
    let plan: Plan
    let lead: OrgUnit?

    static func load(_ occurrenceID: Int, on db: any Database) async throws -> TaskContext {
        guard let occurrence = try await TaskOccurrence.find(occurrenceID, on: db),
              let task = try await PlanTaskRecord.find(occurrence.taskID, on: db),
              let plan = try await Plan.find(task.planID, on: db) else { throw AppError.notFound("Không tìm thấy nhiệm vụ.") }
        let lead = try await task.leadUnitID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        return TaskContext(occurrence: occurrence, task: task, plan: plan, lead: lead)
    }
}
