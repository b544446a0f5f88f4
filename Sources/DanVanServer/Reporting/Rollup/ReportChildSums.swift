import DanVanCore
import Fluent
import SQLKit

/// Keeps report_child_sums true (see CreateReportChildSum): every write recomputes the rows it
/// touches from report_values, so the sums cannot drift from the figures.
enum ReportChildSums {
    static let table = "report_child_sums"

    /// Recomputes one parent's sums for one period; call inside the writing transaction.
    /// Siblings write the same parent's rows: the parent is locked first, so two siblings
    /// submitting at once take turns (SQLite has one writer at a time already).
    static func refresh(parentID: Int?, year: Int, endMonth: Int, on db: any Database) async throws {
        guard let parentID else { return }
        let sql = try UnitClosure.sqlDatabase(db)
        try await lockParent(parentID, on: sql)
        try await sql.raw("""
            DELETE FROM report_child_sums WHERE parent_id = \(bind: parentID) AND year = \(bind: year) AND end_month = \(bind: endMonth)
            """).run()
        try await insert(where: "u.parent_id = \(bind: parentID) AND r.year = \(bind: year) AND r.end_month = \(bind: endMonth)", on: sql)
    }

    /// Recomputes a parent's sums for every period, after units moved under or away from it.
    static func refreshAllPeriods(parentID: Int?, on db: any Database) async throws {
        guard let parentID else { return }
        let sql = try UnitClosure.sqlDatabase(db)
        try await lockParent(parentID, on: sql)
        try await sql.raw("DELETE FROM report_child_sums WHERE parent_id = \(bind: parentID)").run()
        try await insert(where: "u.parent_id = \(bind: parentID)", on: sql)
    }

    private static func lockParent(_ parentID: Int, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM units WHERE id = \(bind: parentID) FOR UPDATE").run()
    }

    /// Recomputes every parent's sums for one period (bulk loads).
    static func rebuild(year: Int, endMonth: Int, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        try await sql.raw("DELETE FROM report_child_sums WHERE year = \(bind: year) AND end_month = \(bind: endMonth)").run()
        try await insert(where: "r.year = \(bind: year) AND r.end_month = \(bind: endMonth)", on: sql)
    }

    /// Reaches the figures through `reports` (indexed by unit, year and month), so a parent's
    /// rows are found by seeks whatever the condition names.
    private static func insert(where condition: SQLQueryString, on sql: any SQLDatabase) async throws {
        let indicators = try await RollupQuery.allIndicators(on: sql)
        for stage in countedStages {
            try await sql.raw("""
                INSERT INTO report_child_sums (parent_id, year, end_month, indicator_id, stage, numerator, denominator, reporting, meeting)
                SELECT u.parent_id, v.year, v.end_month, v.indicator_id, \(literal: stage),
                       SUM(v.numerator), COALESCE(SUM(v.denominator), 0), COUNT(*), SUM(\(meetsExpression(indicators)))
                FROM units u JOIN reports r ON r.unit_id = u.id JOIN report_values v ON v.report_id = r.id
                WHERE \(condition) AND u.parent_id IS NOT NULL AND v.numerator IS NOT NULL AND v.stage >= \(literal: stage)
                GROUP BY u.parent_id, v.year, v.end_month, v.indicator_id
                """).run()
        }
    }

    /// A row per stage a roll-up may ask for, each summing that stage and the ones above it
    /// (approved; submitted or approved), so a roll-up reads its rows without grouping them.
    static let countedStages = [ReportValue.Stage.approved.rawValue, ReportValue.Stage.submitted.rawValue]

    /// 1 when a child's own count reaches its coverage indicator's per-unit level, else 0.
    static func meetsExpression(_ indicators: [RollupResult.Indicator]) -> SQLQueryString {
        let coverage = indicators.filter { $0.kind == .childCoverage }
        guard !coverage.isEmpty else { return "0" }
        var expression: SQLQueryString = "CASE"
        for indicator in coverage {
            let level = indicator.level ?? .atLeastOne
            expression = expression + " WHEN v.indicator_id = \(literal: indicator.id) AND v.numerator BETWEEN \(literal: level.lowest) AND \(literal: level.highest) THEN 1"
        }
        return expression + " ELSE 0 END"
    }
}
