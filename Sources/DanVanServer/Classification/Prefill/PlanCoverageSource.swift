import DanVanCore
import Fluent
import SQLKit

/// The year's plan issued and covering the plan it implements: the upper plan's targets and
/// tasks the coverage check finds taken up, over all of them. An issued plan that implements no
/// upper plan counts as issued; no issued plan counts nothing.
struct PlanCoverageSource: PrefillSource {
    let key = "plan.coverage"
    let label = "Kế hoạch năm đã ban hành, cụ thể hóa kế hoạch cấp trên"

    func measure(_ scope: PrefillScope, on db: any Database) async throws -> [Int: PrefillMeasure] {
        let sql = try UnitClosure.sqlDatabase(db)
        let units = try await sql.raw("\(PrefillSources.sheetUnits(scope.roundID))").all().map { try $0.decode(column: "unit_id", as: Int.self) }
        var result: [Int: PrefillMeasure] = Dictionary(units.map { ($0, PrefillMeasure(numerator: 0, denominator: 1, figures: "Chưa ban hành kế hoạch năm \(scope.year)")) },
                                                       uniquingKeysWith: { first, _ in first })
        let plans = try await Plan.query(on: db).filter(\.$year == scope.year).filter(\.$status == .issued)
            .filter(\.$unitID ~~ units).sort(\.$id).all()
        for plan in plans {
            let number = (plan.numberNormalized ?? plan.numberRaw).map { "số \($0)" } ?? "năm \(scope.year)"
            guard let upperID = plan.implementsPlanID else {
                result[plan.unitID] = PrefillMeasure(numerator: 1, denominator: 1, figures: "Kế hoạch \(number) đã ban hành")
                continue
            }
            let report = try await PlanCoverage.report(for: plan, on: db)
            let upperCount = try await PlanTargetRecord.query(on: db).filter(\.$planID == upperID).count()
                + (try await PlanTaskRecord.query(on: db).filter(\.$planID == upperID).count())
            let gaps = report.missingTargets.count + report.weakerTargets.count + report.missingTasks.count
            let covered = max(0, upperCount - gaps)
            result[plan.unitID] = PrefillMeasure(numerator: covered, denominator: max(upperCount, 1),
                                                 figures: "Kế hoạch \(number): cụ thể hóa \(covered)/\(upperCount) chỉ tiêu, nhiệm vụ của kế hoạch cấp trên")
        }
        return result
    }
}
