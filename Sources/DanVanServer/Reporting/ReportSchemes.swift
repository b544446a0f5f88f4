import DanVanCore
import Fluent
import SQLKit

/// Reads plans' reporting duties: which apply to a unit, and which indicators they ask for.
enum ReportSchemes {
    struct Covering: Sendable {
        let planID: Int
        let frequency: ReportFrequency
        let deadlineDays: Int
        let closeDays: Int
        let jumpShare: Double
    }

    static func covering(unitID: Int, year: Int, on db: any Database) async throws -> [Covering] {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT s.plan_id, s.frequency, s.deadline_days, s.close_days, s.jump_share
            FROM report_schemes s
            JOIN plans p ON p.id = s.plan_id
            JOIN unit_closure c ON c.ancestor_id = s.scope_unit_id AND c.descendant_id = \(bind: unitID)
            WHERE p.year = \(bind: year)
            ORDER BY s.plan_id
            """).all()
        return try rows.map { row in
            Covering(planID: try row.decode(column: "plan_id", as: Int.self),
                     frequency: ReportFrequency(rawValue: try row.decode(column: "frequency", as: String.self)) ?? .month,
                     deadlineDays: try row.decode(column: "deadline_days", as: Int.self),
                     closeDays: try row.decode(column: "close_days", as: Int.self),
                     jumpShare: try row.decode(column: "jump_share", as: Double.self))
        }
    }

    /// The dates that bind a period under the duties of its frequency: the earliest deadline,
    /// and the earliest close after it.
    static func window(of period: ReportPeriod, under matching: [Covering]) -> ReportWorkflow.Window {
        let deadlineDays = matching.map(\.deadlineDays).min() ?? ReportScheme.defaultDeadlineDays
        let closeDays = matching.map(\.closeDays).min() ?? ReportScheme.defaultCloseDays
        return .init(deadline: period.deadline(afterDays: deadlineDays), closesOn: period.deadline(afterDays: deadlineDays + closeDays))
    }

    /// The distinct indicators of the plans' targets, in the order they first appear.
    static func indicators(planIDs: [Int], on db: any Database) async throws -> [ReportForm.Item] {
        guard !planIDs.isEmpty else { return [] }
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT i.id, i.name, i.kind, i.per_unit_comparator, i.per_unit_value, MIN(t.id) AS first_target
            FROM plan_targets t JOIN indicators i ON i.id = t.indicator_id
            WHERE t.plan_id IN (\(binds: planIDs)) AND i.kind NOT IN (\(binds: IndicatorKind.allCases.filter(\.isComputed).map(\.rawValue)))
            GROUP BY i.id, i.name, i.kind, i.per_unit_comparator, i.per_unit_value
            ORDER BY first_target
            """).all()
        return try rows.map(item)
    }

    static func item(_ row: any SQLRow) throws -> ReportForm.Item {
        let comparator = try row.decodeNil(column: "per_unit_comparator") ? nil
            : TargetComparator(rawValue: try row.decode(column: "per_unit_comparator", as: String.self))
        let value = try row.decode(column: "per_unit_value", as: Double?.self)
        let level = comparator.flatMap { PerUnitLevel(Threshold($0, value, measure: .count)) }
        return ReportForm.Item(indicatorID: try row.decode(column: "id", as: Int.self),
                               name: try row.decode(column: "name", as: String.self),
                               kind: IndicatorKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .ratio,
                               level: level)
    }
}
