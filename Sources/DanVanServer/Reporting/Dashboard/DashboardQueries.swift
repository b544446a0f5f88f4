import DanVanCore
import Fluent
import SQLKit

/// The reads a dashboard needs beyond the roll-up: the targets that apply at a unit, the
/// figures of its children without children of their own, and an indicator's trend.
enum DashboardQueries {
    struct TargetRow: Sendable {
        let text: String
        let threshold: Threshold
        let indicatorID: Int
        let planLabel: String
        let planID: Int
        let line: Int
        let kind: IndicatorKind
        /// For a per-unit indicator: the level each unit must reach.
        let perUnit: Threshold?
        /// The grade a level target names ("Tốt", "Khá").
        var level: String? = nil
    }

    /// Targets with an indicator, of the unit's own plans and of every plan whose reporting
    /// scope holds the unit, for the year.
    static func targets(unitID: Int, year: Int, on db: any Database) async throws -> [TargetRow] {
        let covering = try await ReportSchemes.covering(unitID: unitID, year: year, on: db).map(\.planID)
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT t.text, t.comparator, t.value, t.upper, t.measure, t.indicator_id, t.line, p.id AS plan_id, p.number_normalized,
                   i.kind, i.per_unit_comparator, i.per_unit_value, t.level
            FROM plan_targets t JOIN plans p ON p.id = t.plan_id JOIN indicators i ON i.id = t.indicator_id
            WHERE t.indicator_id IS NOT NULL AND p.year = \(bind: year)
              AND (p.unit_id = \(bind: unitID)\(covering.isEmpty ? "" : " OR p.id IN (\(binds: covering))" as SQLQueryString))
            ORDER BY p.id, t.position
            """).all()
        return try rows.map { row in
            let planID = try row.decode(column: "plan_id", as: Int.self)
            return TargetRow(text: try row.decode(column: "text", as: String.self),
                             threshold: Threshold(TargetComparator(rawValue: try row.decode(column: "comparator", as: String.self)) ?? .eq,
                                                  try row.decode(column: "value", as: Double?.self),
                                                  upper: try row.decode(column: "upper", as: Double?.self),
                                                  measure: TargetMeasure(rawValue: try row.decode(column: "measure", as: String.self)) ?? .percent),
                             indicatorID: try row.decode(column: "indicator_id", as: Int.self),
                             planLabel: try row.decode(column: "number_normalized", as: String?.self) ?? "Kế hoạch \(planID)",
                             planID: planID, line: try row.decode(column: "line", as: Int.self),
                             kind: IndicatorKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .ratio,
                             perUnit: try row.decode(column: "per_unit_comparator", as: String?.self).flatMap(TargetComparator.init(rawValue:)).map {
                                 Threshold($0, try? row.decode(column: "per_unit_value", as: Double?.self), measure: .count)
                             }, level: try row.decode(column: "level", as: String?.self))
        }
    }

    struct Child: Sendable {
        let id: Int
        let code: String
        let name: String
        let hasChildren: Bool
        let isActive: Bool
        /// Own figures, for a child without children of its own.
        let own: RollupTotals
    }

    /// Direct children, with leaf children's own figures and whether each was active in the period.
    static func children(of unitID: Int, indicatorID: Int, period: ReportPeriod, minimumStage: Int,
                         on db: any Database) async throws -> [Child] {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT u.id, u.code, u.name, v.numerator, v.denominator,
                   CASE WHEN EXISTS (SELECT 1 FROM units g WHERE g.parent_id = u.id) THEN 1 ELSE 0 END AS has_children,
                   CASE WHEN (u.valid_from IS NULL OR u.valid_from <= \(bind: period.lastDay.description))
                         AND (u.valid_to IS NULL OR u.valid_to >= \(bind: period.firstDay.description)) THEN 1 ELSE 0 END AS active
            FROM units u
            LEFT JOIN report_values v ON v.unit_id = u.id AND v.indicator_id = \(bind: indicatorID) AND v.year = \(bind: period.year)
                 AND v.end_month = \(bind: period.lastMonth) AND v.stage >= \(bind: minimumStage) AND v.numerator IS NOT NULL
            WHERE u.parent_id = \(bind: unitID)
            ORDER BY u.code
            """).all()
        return try rows.map { row in
            let numerator = try row.decode(column: "numerator", as: Int?.self)
            return Child(id: try row.decode(column: "id", as: Int.self), code: try row.decode(column: "code", as: String.self),
                         name: try row.decode(column: "name", as: String.self),
                         hasChildren: try row.decode(column: "has_children", as: Int.self) == 1,
                         isActive: try row.decode(column: "active", as: Int.self) == 1,
                         own: RollupTotals(numerator: numerator ?? 0, denominator: try row.decode(column: "denominator", as: Int?.self) ?? 0,
                                           reporting: numerator == nil ? 0 : 1))
        }
    }

    /// The indicator at the unit, month by month through the year: the unit's own figures plus
    /// the children sums of every unit with children below it. Coverage here is the share of
    /// all reporting units below that reach the level. CROSS JOIN keeps SQLite starting from the
    /// subtree (it would otherwise scan the whole year of sums); PostgreSQL plans it freely.
    static func trend(unitID: Int, indicatorID: Int, year: Int, minimumStage: Int,
                      on db: any Database) async throws -> [Int: RollupTotals] {
        let sql = try UnitClosure.sqlDatabase(db)
        var months: [Int: RollupTotals] = [:]
        let below = try await sql.raw("""
            SELECT s.end_month, CAST(SUM(s.numerator) AS BIGINT) AS n, CAST(SUM(s.denominator) AS BIGINT) AS d,
                   CAST(SUM(s.reporting) AS BIGINT) AS r, CAST(SUM(s.meeting) AS BIGINT) AS m
            FROM unit_closure c CROSS JOIN report_child_sums s
            WHERE c.ancestor_id = \(bind: unitID) AND s.parent_id = c.descendant_id AND s.indicator_id = \(bind: indicatorID)
              AND s.year = \(bind: year) AND s.stage = \(bind: minimumStage)
            GROUP BY s.end_month
            """).all()
        for row in below {
            let reporting = try row.decode(column: "r", as: Int.self)
            months[try row.decode(column: "end_month", as: Int.self)] = RollupTotals(
                numerator: try row.decode(column: "n", as: Int.self), denominator: try row.decode(column: "d", as: Int.self),
                reporting: reporting, childrenMeeting: try row.decode(column: "m", as: Int.self), childrenCounted: reporting)
        }
        let own = try await sql.raw("""
            SELECT r.end_month, v.numerator, v.denominator
            FROM reports r JOIN report_values v ON v.report_id = r.id AND v.indicator_id = \(bind: indicatorID)
            WHERE r.unit_id = \(bind: unitID) AND r.year = \(bind: year) AND v.stage >= \(bind: minimumStage) AND v.numerator IS NOT NULL
            """).all()
        for row in own {
            let month = try row.decode(column: "end_month", as: Int.self)
            var total = months[month] ?? .zero
            total.numerator += try row.decode(column: "numerator", as: Int.self)
            total.denominator += try row.decode(column: "denominator", as: Int?.self) ?? 0
            total.reporting += 1
            months[month] = total
        }
        return months
    }

    /// The latest period anyone reported for, to open the dashboard on.
    static func latestReportedPeriod(on db: any Database) async throws -> ReportPeriod? {
        let row = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT year, end_month FROM reports ORDER BY year DESC, end_month DESC LIMIT 1
            """).first()
        guard let row else { return nil }
        return ReportPeriod(frequency: .month, year: try row.decode(column: "year", as: Int.self),
                            index: try row.decode(column: "end_month", as: Int.self))
    }
}
