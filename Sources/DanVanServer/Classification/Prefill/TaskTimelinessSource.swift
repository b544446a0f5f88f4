import DanVanCore
import Fluent
import SQLKit

/// Tasks done on time: of the year's task occurrences the unit leads that have come due (or
/// were finished), those finished by their due date.
struct TaskTimelinessSource: PrefillSource {
    let key = "tasks.on_time"
    let label = "Nhiệm vụ được giao hoàn thành đúng hạn"

    func measure(_ scope: PrefillScope, on db: any Database) async throws -> [Int: PrefillMeasure] {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT t.lead_unit_id AS unit_id, o.state, o.due_on, o.done_on
            FROM \(ident: TaskOccurrence.schema) o JOIN \(ident: PlanTaskRecord.schema) t ON t.id = o.task_id
            WHERE t.lead_unit_id IN (\(PrefillSources.sheetUnits(scope.roundID)))
              AND o.due_on >= \(bind: "\(scope.year)-01-01") AND o.due_on <= \(bind: "\(scope.year)-12-31")
            """).all()
        var counted: [Int: (done: Int, due: Int)] = [:]
        for row in rows {
            let state = OccurrenceState(rawValue: try row.decode(column: "state", as: String.self)) ?? .notStarted
            let timeliness = Timeliness.of(state: state, dueOn: try row.decode(column: "due_on", as: String?.self).flatMap(CivilDate.init(parsing:)),
                                           doneOn: try row.decode(column: "done_on", as: String?.self).flatMap(CivilDate.init(parsing:)), today: scope.asOf)
            guard [.doneOnTime, .doneLate, .overdue].contains(timeliness) else { continue }
            let unit = try row.decode(column: "unit_id", as: Int.self)
            counted[unit, default: (0, 0)].due += 1
            if timeliness == .doneOnTime { counted[unit, default: (0, 0)].done += 1 }
        }
        return counted.mapValues { PrefillMeasure(numerator: $0.done, denominator: $0.due, figures: "\($0.done)/\($0.due) nhiệm vụ đến hạn hoàn thành đúng hạn") }
    }
}
