import DanVanCore
import Fluent
import SQLKit

/// A plan's task reworded, given its lead unit, coordinators, time and expected result. The lead
/// is the plan's unit or one below it; coordinators are units of the plan's place or directly
/// below it (`TaskAddressees`), the only ones the edit page offers.
enum TaskChange {
    struct Input {
        let text: String
        let leadUnitCode: String?
        /// Codes of the coordinators; nil leaves them as they are.
        var coordinatorCodes: [String]? = nil
        /// As typed ("Tháng 3, 9", "Hàng quý"); read against the plan's year.
        let timing: String
        let expectedResult: String?
    }

    static func perform(taskID: Int, _ change: Input, planVersion: Int, by actor: Actor, on db: any Database) async throws {
        guard let task = try await PlanTaskRecord.find(taskID, on: db) else { throw AppError.notFound("Không tìm thấy nhiệm vụ.") }
        try await db.writeTransaction { tx in
            let plan = try await PlanEditLock.lock(task.planID, expected: planVersion, by: actor, on: tx)
            let text = try FreeText.clean(change.text, field: "text", label: "Nội dung nhiệm vụ", limit: FreeText.Limit.paragraph,
                                          required: true).orInvalid()
            let expected = try FreeText.clean(change.expectedResult ?? "", field: "expectedResult", label: "Kết quả cần đạt",
                                              limit: FreeText.Limit.paragraph).orInvalid()
            let parsed = TaskTimingParser.parse(change.timing, planYear: plan.year)
            if let problem = parsed.problem { throw AppError.invalid("timing", problem) }
            let lead = try await PlanEditLock.leadUnit(change.leadUnitCode, for: plan, on: tx)
            let coordinators = try await change.coordinatorCodes.asyncMap { try await coordinatorIDs($0, for: plan, on: tx) }
            let timingChanged = OccurrenceWriter.timing(task) != parsed.timing
            let leadChanged = task.leadUnitID != lead?.requireID
            task.text = text
            task.leadUnitID = lead?.requireID
            task.expectedResult = expected.isEmpty ? nil : expected
            task.apply(parsed.timing)
            task.version += 1
            try await task.save(on: tx)
            if let coordinators {
                let sql = try UnitClosure.sqlDatabase(tx)
                try await sql.delete(from: "task_coordinators").where("task_id", .equal, taskID).run()
                try await SQLRows.insert(coordinators.map { TaskAssignment.CoordinatorRow(task_id: taskID, unit_id: $0) },
                                         into: "task_coordinators", on: sql)
            }
            if timingChanged {
                // Occurrences nobody has started follow the new timing; the others keep their history.
                try await TaskOccurrence.query(on: tx).filter(\.$taskID == taskID).filter(\.$state == OccurrenceState.notStarted.rawValue).delete()
                try await OccurrenceWriter.create(forTask: task, year: plan.year, on: tx)
            }
            if plan.status == .issued, leadChanged || coordinators != nil {
                try await TaskNotices.assigned(planID: plan.requireID, taskIDs: [taskID], on: tx)
            }
            try await AuditLog.record("plan.task", entityType: "plan", entityKey: "#\(plan.requireID)", unitID: plan.unitID, before: nil,
                                      after: ["task": "\(taskID)", "lead": lead?.code ?? "", "timing": parsed.timing.raw], by: actor, on: tx)
        }
    }

    private static func coordinatorIDs(_ codes: [String], for plan: Plan, on db: any Database) async throws -> [Int] {
        let offered = try await TaskAddressees.coordinatorChoices(for: plan, on: db)
        return try Set(codes.filter { !$0.isEmpty }).sorted().map { code in
            guard let unit = offered.first(where: { $0.code == code }) else {
                throw AppError.invalid("coordinators", "Đơn vị \(code) không phối hợp được với kế hoạch này.")
            }
            return unit.requireID
        }
    }
}
