import DanVanCore
import Fluent
import SQLKit

/// The periodic report on citizen reception and petitions for a unit's subtree: reception days,
/// dialogues, matters received by kind and how they were handled, with a line per unit below.
struct CitizenReport: Sendable {
    struct Line: Sendable {
        var unitName: String
        var sessions: Int
        var citizens: Int
        var groups: Int
        var dialogues: Int
        var received: Int
        var timeliness: TimelinessCounts
    }

    struct KindLine: Sendable {
        var kind: CaseKind
        var received: Int
        var timeliness: TimelinessCounts
    }

    let unit: OrgUnit
    let period: CitizenReportPeriod
    let today: CivilDate
    let total: Line
    let kinds: [KindLine]
    let lines: [Line]
    let dialogueQuestions: Int
    let answeredOnSpot: Int
    let dutiesMissed: Int

    private struct FigureRow: Decodable {
        let unit_id: Int
        let sessions: Int
        let citizens: Int
        let groups: Int
        let dialogues: Int
    }

    private struct KindRow: Decodable {
        let kind: String
        let n: Int
        let on_time: Int
        let late: Int
        let in_time: Int
        let overdue: Int
    }

    static func query(unit: OrgUnit, period: CitizenReportPeriod, today: CivilDate, on db: any Database) async throws -> CitizenReport {
        let sql = try UnitClosure.sqlDatabase(db)
        let children = try await UnitQueries.children(of: unit.requireID, on: db).sortedForDisplay()
        let ids = [unit.requireID] + children.map(\.requireID)
        let (from, through) = (period.from.description, min(period.through, today).description)
        let list = ids.map(String.init).joined(separator: ",")
        let figures = try await sql.raw("""
            SELECT c.ancestor_id AS unit_id,
              CAST(COUNT(DISTINCT r.id) AS BIGINT) AS sessions, CAST(COALESCE(SUM(r.citizens), 0) AS BIGINT) AS citizens,
              CAST(COALESCE(SUM(r.groups), 0) AS BIGINT) AS groups, CAST(0 AS BIGINT) AS dialogues
            FROM unit_closure c JOIN reception_sessions r ON r.unit_id = c.descendant_id
            WHERE c.ancestor_id IN (\(unsafeRaw: list)) AND r.held_on >= \(bind: from) AND r.held_on <= \(bind: through)
            GROUP BY c.ancestor_id
            UNION ALL
            SELECT c.ancestor_id AS unit_id, CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(0 AS BIGINT), CAST(COUNT(*) AS BIGINT)
            FROM unit_closure c JOIN dialogues d ON d.unit_id = c.descendant_id
            WHERE c.ancestor_id IN (\(unsafeRaw: list)) AND d.held_on >= \(bind: from) AND d.held_on <= \(bind: through)
            GROUP BY c.ancestor_id
            """).all(decoding: FigureRow.self)
        let received = try await sql.raw("""
            SELECT c.ancestor_id AS unit_id, CAST(COUNT(*) AS BIGINT) AS n FROM unit_closure c JOIN citizen_cases cc ON cc.unit_id = c.descendant_id
            WHERE c.ancestor_id IN (\(unsafeRaw: list)) AND cc.received_on >= \(bind: from) AND cc.received_on <= \(bind: through)
            GROUP BY c.ancestor_id
            """).all().map { (try $0.decode(column: "unit_id", as: Int.self), try $0.decode(column: "n", as: Int.self)) }
        let timeliness = try await CaseQueries.timeliness(of: ids, from: period.from, through: min(period.through, today), today: today, on: db)
        let t = today.description
        let kinds = try await sql.raw("""
            SELECT cc.kind, CAST(COUNT(*) AS BIGINT) AS n,
              CAST(SUM(CASE WHEN cc.done_on IS NOT NULL AND (cc.due_on IS NULL OR cc.done_on <= cc.due_on) THEN 1 ELSE 0 END) AS BIGINT) AS on_time,
              CAST(SUM(CASE WHEN cc.done_on IS NOT NULL AND cc.done_on > cc.due_on THEN 1 ELSE 0 END) AS BIGINT) AS late,
              CAST(SUM(CASE WHEN cc.done_on IS NULL AND (cc.due_on IS NULL OR cc.due_on >= \(bind: t)) THEN 1 ELSE 0 END) AS BIGINT) AS in_time,
              CAST(SUM(CASE WHEN cc.done_on IS NULL AND cc.due_on < \(bind: t) THEN 1 ELSE 0 END) AS BIGINT) AS overdue
            FROM unit_closure c JOIN citizen_cases cc ON cc.unit_id = c.descendant_id
            WHERE c.ancestor_id = \(bind: unit.requireID) AND cc.received_on >= \(bind: from) AND cc.received_on <= \(bind: through)
            GROUP BY cc.kind
            """).all(decoding: KindRow.self)
        let questions = try await sql.raw("""
            SELECT CAST(COUNT(*) AS BIGINT) AS n, CAST(COALESCE(SUM(CASE WHEN q.answered_on_spot THEN 1 ELSE 0 END), 0) AS BIGINT) AS spot
            FROM dialogue_questions q JOIN dialogues d ON d.id = q.dialogue_id JOIN unit_closure c ON c.descendant_id = d.unit_id
            WHERE c.ancestor_id = \(bind: unit.requireID) AND d.held_on >= \(bind: from) AND d.held_on <= \(bind: through)
            """).first()
        let duties = try await ReceptionQueries.duties(for: [unit] + children, year: period.year, today: today, on: db)
        func line(_ id: Int, _ name: String) -> Line {
            let rows = figures.filter { $0.unit_id == id }
            return Line(unitName: name, sessions: rows.reduce(0) { $0 + $1.sessions }, citizens: rows.reduce(0) { $0 + $1.citizens },
                        groups: rows.reduce(0) { $0 + $1.groups }, dialogues: rows.reduce(0) { $0 + $1.dialogues },
                        received: received.first { $0.0 == id }?.1 ?? 0, timeliness: timeliness[id] ?? TimelinessCounts())
        }
        return CitizenReport(
            unit: unit, period: period, today: today, total: line(unit.requireID, unit.name),
            kinds: CaseKind.allCases.map { kind in
                let row = kinds.first { $0.kind == kind.rawValue }
                return KindLine(kind: kind, received: row?.n ?? 0, timeliness: TimelinessCounts(onTime: row?.on_time ?? 0, late: row?.late ?? 0,
                                                                                               inTime: row?.in_time ?? 0, overdue: row?.overdue ?? 0))
            },
            lines: children.map { line($0.requireID, $0.name) },
            dialogueQuestions: try questions?.decode(column: "n", as: Int.self) ?? 0, answeredOnSpot: try questions?.decode(column: "spot", as: Int.self) ?? 0,
            dutiesMissed: duties.reduce(0) { total, row in total + row.months.filter { (period.from.month...period.lastMonth).contains($0.month) && $0.outcome == "missed" }.count })
    }
}
