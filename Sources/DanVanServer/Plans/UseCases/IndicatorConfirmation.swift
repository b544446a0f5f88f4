import DanVanCore
import Fluent
import Foundation

/// Links a target to the indicator that measures it: an existing one of the same name and
/// kind is reused (indicators carry across plans and years), otherwise one is made.
enum IndicatorConfirmation {
    static func perform(targetID: Int, kind: IndicatorKind?, name: String, planVersion: Int, by actor: Actor,
                        on db: any Database) async throws {
        guard let target = try await PlanTargetRecord.find(targetID, on: db) else { throw AppError.notFound("Không tìm thấy chỉ tiêu.") }
        try await db.writeTransaction { tx in
            let plan = try await PlanEditLock.lock(target.planID, expected: planVersion, by: actor, on: tx)
            guard let kind else { throw AppError.invalid("indicatorKind", "Hãy chọn cách đo chỉ số.") }
            let name = try FreeText.clean(name, field: "indicatorName", label: "Tên chỉ số", limit: FreeText.Limit.name, required: true).orInvalid()
            let indicator = try await Indicator.query(on: tx).filter(\.$name == name).filter(\.$kind == kind.rawValue).first()
                ?? newIndicator(name: name, kind: kind, for: target, unitID: plan.unitID)
            if indicator.id == nil { try await indicator.create(on: tx) }
            target.indicatorID = indicator.id
            try await target.save(on: tx)
            try await AuditLog.record("plan.indicator", entityType: "plan", entityKey: "#\(plan.requireID)", unitID: plan.unitID, before: nil,
                                      after: ["target": "\(targetID)", "indicator": name, "kind": kind.rawValue], by: actor, on: tx)
        }
    }

    private static func newIndicator(name: String, kind: IndicatorKind, for target: PlanTargetRecord, unitID: Int) -> Indicator {
        let indicator = Indicator()
        indicator.name = name
        indicator.kind = kind.rawValue
        indicator.unitID = unitID
        indicator.createdAt = Date()
        if kind == .childCoverage || kind == .modelPerUnit {
            let parsed = ParsedTarget(text: target.text, comparator: target.threshold.comparator, value: target.value, upper: target.upper,
                                      unit: target.threshold.measure, subject: target.subject, line: target.line)
            let perUnit = IndicatorSuggestion.suggest(for: parsed).perUnit ?? Threshold(.ge, 1, measure: .count)
            indicator.perUnitComparator = perUnit.comparator.rawValue
            indicator.perUnitValue = perUnit.value
        }
        return indicator
    }
}
