import DanVanCore
import Fluent
import SQLKit

/// Computes a roll-up: the sums of each parent's direct children come from report_child_sums,
/// and `RollupComputation` adds the parents up the tree.
enum RollupQuery {
    /// `visited` guards against successor links that loop back (bad data must not hang a page).
    static func compute(rootID: Int, period: ReportPeriod, includeSubmitted: Bool, visited: Set<Int> = [],
                        on db: any Database) async throws -> RollupResult {
        let sql = try UnitClosure.sqlDatabase(db)
        let filter = PeriodFilter(period: period, minimumStage: includeSubmitted ? 1 : 2)
        // The reads do not depend on one another: each runs on its own connection at once.
        async let indicatorList = allIndicators(on: sql)
        async let parentMap = parents(in: rootID, on: sql)
        async let sumRows = childSumRows(in: rootID, filter, on: sql)
        async let nodeCount = subtreeSize(rootID, on: sql)
        async let handoverList = RollupHistory.handovers(into: rootID, on: sql)
        let indicators = try await indicatorList
        let position = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($1.id, $0) })
        var computation = RollupComputation(kinds: indicators.map(\.kind), levels: indicators.map(\.level))
        computation.parents = try await parentMap
        if computation.parents[rootID] == nil { computation.parents[rootID] = .some(nil) }
        let withChildren = Array(computation.parents.keys)
        async let ownMap = ownFigures(of: withChildren, filter, width: indicators.count, position: position, on: sql)
        computation.childSums = try childSums(try await sumRows, position: position)
        computation.own = try await ownMap
        var totals = computation.totals()
        let handovers = try await handoverList.filter { !visited.contains($0.predecessorID) }
        try await RollupHistory.add(handovers, to: &totals, rootID: rootID, parents: computation.parents, width: indicators.count) { predecessor in
            try await compute(rootID: predecessor, period: period, includeSubmitted: includeSubmitted,
                              visited: visited.union([rootID, predecessor]), on: db).totals[predecessor]
        }
        return RollupResult(rootID: rootID, period: period, includesSubmitted: includeSubmitted, indicators: indicators,
                            nodeCount: try await nodeCount, totals: totals)
    }

    /// The roll-up as of the current report generation: computed once, then shared by the
    /// plan page, the dashboard and its tables until figures change.
    static func cached(rootID: Int, period: ReportPeriod, includeSubmitted: Bool, in cache: GenerationCache<RollupResult>,
                       on db: any Database) async throws -> RollupResult {
        try await cache.value(for: "\(rootID)|\(period.code)|\(includeSubmitted)", on: db) {
            try await compute(rootID: rootID, period: period, includeSubmitted: includeSubmitted, on: db)
        }
    }

    struct PeriodFilter {
        let period: ReportPeriod
        let minimumStage: Int
    }

    static func allIndicators(on sql: any SQLDatabase) async throws -> [RollupResult.Indicator] {
        try await sql.raw("SELECT id, name, kind, per_unit_comparator, per_unit_value FROM indicators ORDER BY id").all().map { row in
            let item = try ReportSchemes.item(row)
            return RollupResult.Indicator(id: item.indicatorID, name: item.name, kind: item.kind, level: item.level)
        }
    }

    /// Units with children in the subtree, each with its parent (nil for the root).
    private static func parents(in rootID: Int, on sql: any SQLDatabase) async throws -> [Int: Int?] {
        let rows = try await sql.raw("""
            SELECT p.id, p.parent_id FROM units p
            JOIN unit_closure c ON c.descendant_id = p.id AND c.ancestor_id = \(bind: rootID)
            WHERE EXISTS (SELECT 1 FROM units ch WHERE ch.parent_id = p.id)
            """).all()
        var parents: [Int: Int?] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            parents[id] = id == rootID ? nil : try row.decode(column: "parent_id", as: Int?.self)
        }
        return parents
    }

    /// Each row already sums the stages the roll-up counts (see ReportChildSums.countedStages).
    private static func childSumRows(in rootID: Int, _ filter: PeriodFilter, on sql: any SQLDatabase) async throws -> [any SQLRow] {
        try await sql.raw("""
            SELECT s.parent_id, s.indicator_id, s.numerator AS num, s.denominator AS den, s.reporting, s.meeting
            FROM report_child_sums s
            JOIN unit_closure c ON c.descendant_id = s.parent_id AND c.ancestor_id = \(bind: rootID)
            WHERE s.year = \(bind: filter.period.year) AND s.end_month = \(bind: filter.period.lastMonth)
              AND s.stage = \(bind: filter.minimumStage)
            """).all()
    }

    private static func childSums(_ rows: [any SQLRow], position: [Int: Int]) throws -> [Int: [RollupTotals]] {
        var sums: [Int: [RollupTotals]] = [:]
        for row in rows {
            guard let index = position[try row.decode(column: "indicator_id", as: Int.self)] else { continue }
            let reporting = try row.decode(column: "reporting", as: Int.self)
            sums[try row.decode(column: "parent_id", as: Int.self), default: Array(repeating: .zero, count: position.count)][index] =
                RollupTotals(numerator: try row.decode(column: "num", as: Int.self), denominator: try row.decode(column: "den", as: Int.self),
                             reporting: reporting, childrenMeeting: try row.decode(column: "meeting", as: Int.self), childrenCounted: reporting)
        }
        return sums
    }

    /// Own figures of the units with children, asked for in batches of ids.
    private static func ownFigures(of units: [Int], _ filter: PeriodFilter, width: Int, position: [Int: Int],
                                   on sql: any SQLDatabase) async throws -> [Int: [RollupTotals]] {
        var own: [Int: [RollupTotals]] = [:]
        for start in stride(from: 0, to: units.count, by: 500) {
            let batch = Array(units[start..<min(start + 500, units.count)])
            let rows = try await sql.raw("""
                SELECT v.unit_id, v.indicator_id, v.numerator, v.denominator FROM report_values v
                WHERE v.year = \(bind: filter.period.year) AND v.end_month = \(bind: filter.period.lastMonth)
                  AND v.unit_id IN (\(binds: batch)) AND v.stage >= \(bind: filter.minimumStage) AND v.numerator IS NOT NULL
                """).all()
            for row in rows {
                guard let index = position[try row.decode(column: "indicator_id", as: Int.self)] else { continue }
                own[try row.decode(column: "unit_id", as: Int.self), default: Array(repeating: .zero, count: width)][index] = RollupTotals(
                    numerator: try row.decode(column: "numerator", as: Int.self),
                    denominator: try row.decode(column: "denominator", as: Int?.self) ?? 0, reporting: 1)
            }
        }
        return own
    }

    static func subtreeSize(_ rootID: Int, on sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM unit_closure WHERE ancestor_id = \(bind: rootID)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
