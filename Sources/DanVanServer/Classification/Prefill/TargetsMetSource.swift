import DanVanCore
import Fluent
import SQLKit

/// Targets met: the unit's targets for the year evaluated as its dashboard evaluates them (from
/// reported figures up to the last month ended, or from the registers), met over evaluated.
struct TargetsMetSource: PrefillSource {
    let key = "targets.met"
    let label = "Chỉ tiêu của kế hoạch năm đạt"

    func measure(_ scope: PrefillScope, on db: any Database) async throws -> [Int: PrefillMeasure] {
        let sql = try UnitClosure.sqlDatabase(db)
        // Only units whose own plans carry measured targets have anything to evaluate.
        let units = try await sql.raw("""
            SELECT DISTINCT p.unit_id FROM plans p JOIN plan_targets t ON t.plan_id = p.id
            WHERE p.year = \(bind: scope.year) AND t.indicator_id IS NOT NULL AND p.unit_id IN (\(PrefillSources.sheetUnits(scope.roundID)))
            """).all().map { try $0.decode(column: "unit_id", as: Int.self) }
        let lastMonth = scope.asOf.year > scope.year ? 12 : max(1, scope.asOf.month - 1)
        guard let period = ReportPeriod(frequency: .month, year: scope.year, index: lastMonth) else { return [:] }
        var result: [Int: PrefillMeasure] = [:]
        for unitID in units {
            guard let unit = try await OrgUnit.find(unitID, on: db) else { continue }
            let evaluations = try await TargetEvaluations.evaluate(unit: unit, period: period, on: db)
            let decided = evaluations.filter { $0.status == .met || $0.status == .notMet }
            guard !decided.isEmpty else { continue }
            let met = decided.filter { $0.status == .met }.count
            result[unitID] = PrefillMeasure(numerator: met, denominator: decided.count,
                                            figures: "\(met)/\(decided.count) chỉ tiêu đạt (số liệu đến tháng \(lastMonth)/\(scope.year))")
        }
        return result
    }
}
