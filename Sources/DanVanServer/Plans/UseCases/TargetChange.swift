import DanVanCore
import Fluent

/// A plan's target reworded or given a new threshold.
enum TargetChange {
    struct Input {
        let text: String
        let threshold: Threshold
    }

    static func perform(targetID: Int, _ change: Input, planVersion: Int, by actor: Actor, on db: any Database) async throws {
        guard let target = try await PlanTargetRecord.find(targetID, on: db) else { throw AppError.notFound("Không tìm thấy chỉ tiêu.") }
        try await db.writeTransaction { tx in
            let plan = try await PlanEditLock.lock(target.planID, expected: planVersion, by: actor, on: tx)
            let text = try FreeText.clean(change.text, field: "text", label: "Nội dung chỉ tiêu", limit: FreeText.Limit.paragraph,
                                          required: true).orInvalid()
            if let problem = change.threshold.problem { throw AppError.invalid("value", problem) }
            target.text = text
            target.comparator = change.threshold.comparator.rawValue
            target.value = change.threshold.value
            target.upper = change.threshold.comparator == .between ? change.threshold.upper : nil
            target.measure = change.threshold.measure.rawValue
            try await target.save(on: tx)
            try await AuditLog.record("plan.target", entityType: "plan", entityKey: "#\(plan.requireID)", unitID: plan.unitID, before: nil,
                                      after: ["target": "\(targetID)", "threshold": change.threshold.phrase], by: actor, on: tx)
        }
    }
}
