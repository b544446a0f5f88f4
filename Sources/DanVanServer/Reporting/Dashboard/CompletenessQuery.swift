import DanVanCore
import Fluent
import SQLKit

/// Which reports a subtree owes for a period, counted for the root and for each unit directly
/// below it, with the units still missing named.
enum CompletenessQuery {
    struct Line: Sendable {
        let unitID: Int
        let code: String
        let name: String
        let counts: CompletenessCounts
    }

    struct Missing: Sendable {
        let unitID: Int
        let code: String
        let name: String
        let state: ReportState?
    }

    struct Result: Sendable {
        let total: CompletenessCounts
        /// One line per direct child with reports expected below it.
        let children: [Line]
        let missing: [Missing]
        let missingShown: Int
    }

    static let missingLimit = 40

    static func load(rootID: Int, period: ReportPeriod, on db: any Database) async throws -> Result {
        let sql = try UnitClosure.sqlDatabase(db)
        let scopes = try await scopeIDs(year: period.year, endMonth: period.lastMonth, on: sql)
        guard !scopes.isEmpty else { return Result(total: .init(), children: [], missing: [], missingShown: 0) }
        let rows = try await sql.raw("""
            SELECT ch.descendant_id AS branch, ch.depth AS depth, r.state AS state, r.late AS late, COUNT(*) AS n
            FROM unit_closure ch
            JOIN unit_closure d ON d.ancestor_id = ch.descendant_id
            JOIN units u ON u.id = d.descendant_id
            LEFT JOIN reports r ON r.unit_id = u.id AND r.year = \(bind: period.year) AND r.end_month = \(bind: period.lastMonth)
            WHERE ch.ancestor_id = \(bind: rootID) AND ch.depth <= 1 AND \(expected(period, scopes: scopes))
            GROUP BY ch.descendant_id, ch.depth, r.state, r.late
            """).all()
        var total = CompletenessCounts()
        var branches: [Int: CompletenessCounts] = [:]
        for row in rows {
            let state = try row.decode(column: "state", as: String?.self).flatMap(ReportState.init(rawValue:))
            let late = try row.decode(column: "late", as: Bool?.self) ?? false
            let count = try row.decode(column: "n", as: Int.self)
            let depth = try row.decode(column: "depth", as: Int.self)
            let branch = try row.decode(column: "branch", as: Int.self)
            if depth == 0 { total.count(state, late: late, times: count) } else { branches[branch, default: .init()].count(state, late: late, times: count) }
        }
        let names = try await unitNames(Array(branches.keys), on: sql)
        let children = branches.compactMap { id, counts in names[id].map { Line(unitID: id, code: $0.code, name: $0.name, counts: counts) } }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        let missing = try await missingUnits(rootID: rootID, period: period, scopes: scopes, on: sql)
        return Result(total: total, children: children, missing: missing, missingShown: min(total.missing, missingLimit))
    }

    /// Every report owed over a span (a year, six months): the months of `period` begun by
    /// `today`, each counted as the dashboard counts it, summed; units missing any are named.
    static func load(rootID: Int, across period: ReportPeriod, today: CivilDate, on db: any Database) async throws -> Result {
        let months = (period.firstMonth...period.lastMonth).compactMap { ReportPeriod(frequency: .month, year: period.year, index: $0) }
            .filter { $0.firstDay <= today }
        var total = CompletenessCounts()
        var children: [Int: Line] = [:]
        var missing: [Int: Missing] = [:]
        for month in months {
            let result = try await load(rootID: rootID, period: month, on: db)
            total = total + result.total
            for line in result.children {
                children[line.unitID] = Line(unitID: line.unitID, code: line.code, name: line.name,
                                             counts: (children[line.unitID]?.counts ?? .init()) + line.counts)
            }
            for unit in result.missing where missing[unit.unitID] == nil { missing[unit.unitID] = unit }
        }
        let named = missing.values.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }.prefix(missingLimit)
        return Result(total: total, children: children.values.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending },
                      missing: Array(named), missingShown: named.count)
    }

    /// Units that owe the report: active in the period and inside a scope whose schedule ends
    /// a period in the same month.
    private static func expected(_ period: ReportPeriod, scopes: [Int]) -> SQLQueryString {
        """
        (u.valid_from IS NULL OR u.valid_from <= \(bind: period.lastDay.description))
        AND (u.valid_to IS NULL OR u.valid_to >= \(bind: period.firstDay.description))
        AND EXISTS (SELECT 1 FROM unit_closure sc WHERE sc.descendant_id = u.id AND sc.ancestor_id IN (\(binds: scopes)))
        """
    }

    static func scopeIDs(year: Int, endMonth: Int, on sql: any SQLDatabase) async throws -> [Int] {
        let rows = try await sql.raw("""
            SELECT DISTINCT s.scope_unit_id, s.frequency FROM report_schemes s JOIN plans p ON p.id = s.plan_id WHERE p.year = \(bind: year)
            """).all()
        return try rows.compactMap { row in
            let frequency = ReportFrequency(rawValue: try row.decode(column: "frequency", as: String.self)) ?? .month
            return endMonth % frequency.monthsPerPeriod == 0 ? try row.decode(column: "scope_unit_id", as: Int.self) : nil
        }
    }

    private static func missingUnits(rootID: Int, period: ReportPeriod, scopes: [Int], on sql: any SQLDatabase) async throws -> [Missing] {
        try await sql.raw("""
            SELECT u.id, u.code, u.name, r.state FROM unit_closure d
            JOIN units u ON u.id = d.descendant_id
            LEFT JOIN reports r ON r.unit_id = u.id AND r.year = \(bind: period.year) AND r.end_month = \(bind: period.lastMonth)
            WHERE d.ancestor_id = \(bind: rootID) AND \(expected(period, scopes: scopes))
              AND (r.id IS NULL OR r.state IN ('draft', 'returned'))
            ORDER BY u.code LIMIT \(literal: missingLimit)
            """).all().map { row in
            Missing(unitID: try row.decode(column: "id", as: Int.self), code: try row.decode(column: "code", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    state: try row.decode(column: "state", as: String?.self).flatMap(ReportState.init(rawValue:)))
        }
    }

    static func unitNames(_ ids: [Int], on sql: any SQLDatabase) async throws -> [Int: (code: String, name: String)] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int: (code: String, name: String)] = [:]
        for row in try await sql.raw("SELECT id, code, name FROM units WHERE id IN (\(binds: ids))").all() {
            names[try row.decode(column: "id", as: Int.self)] = (try row.decode(column: "code", as: String.self),
                                                                 try row.decode(column: "name", as: String.self))
        }
        return names
    }
}
