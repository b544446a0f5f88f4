import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan benchmark rollup`: the roll-up of a subtree for one period against its floor, the
/// same sums by one bare GROUP BY over the figures joined to the closure table, measured in
/// the same process on the same database. Each is run several times; the median counts.
enum RollupBenchmark {
    struct Result {
        let rollupMs: Double
        let floorMs: Double
        let nodes: Int
        let floorGroups: Int
    }

    static func run(unitCode: String, period: ReportPeriod, runs: Int, on db: any Database) async throws -> Result {
        let root = try await UnitQueries.require(code: unitCode, field: "unit", on: db)
        var rollups: [Double] = [], floors: [Double] = []
        var nodes = 0, groups = 0
        for _ in 0..<max(1, runs) {
            let (result, rollupMs) = try await timed {
                try await RollupQuery.compute(rootID: root.requireID, period: period, includeSubmitted: false, on: db)
            }
            nodes = result.nodeCount
            rollups.append(rollupMs)
            let (count, floorMs) = try await timed { try await floor(period, on: db) }
            groups = count
            floors.append(floorMs)
        }
        return Result(rollupMs: median(rollups), floorMs: median(floors), nodes: nodes, floorGroups: groups)
    }

    /// Every (ancestor, indicator) sum of approved figures; only the count of groups leaves the
    /// database, so the floor pays for no transfer at all.
    private static func floor(_ period: ReportPeriod, on db: any Database) async throws -> Int {
        let row = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT COUNT(*) AS groups_count, SUM(n) AS total FROM (
              SELECT c.ancestor_id, v.indicator_id, SUM(v.numerator) AS n, SUM(v.denominator) AS d, COUNT(*) AS r
              FROM report_values v JOIN unit_closure c ON c.descendant_id = v.unit_id
              WHERE v.year = \(bind: period.year) AND v.end_month = \(bind: period.lastMonth) AND v.stage >= 2
              GROUP BY c.ancestor_id, v.indicator_id) AS sums
            """).first()
        return try row?.decode(column: "groups_count", as: Int.self) ?? 0
    }

    private static func timed<T>(_ body: () async throws -> T) async throws -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try await body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
