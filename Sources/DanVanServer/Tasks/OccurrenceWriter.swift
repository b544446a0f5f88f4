import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Creates each task's occurrences (one per due month or quarter, or one) from its timing.
/// Tasks that already have occurrences are left as they are.
enum OccurrenceWriter {
    private struct Row: Encodable {
        let task_id: Int, month: Int, due_on: String?, label: String, state: String, version: Int, updated_at: Date
    }

    static func create(forPlan planID: Int, year: Int, on db: any Database) async throws {
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).all()
        guard !tasks.isEmpty else { return }
        let sql = try UnitClosure.sqlDatabase(db)
        let existing = Set(try await sql.select().column("task_id").from(TaskOccurrence.schema)
            .where("task_id", .in, tasks.map(\.requireID)).all().map { try $0.decode(column: "task_id", as: Int.self) })
        let rows = tasks.filter { !existing.contains($0.requireID) }.flatMap { task in
            OccurrenceSchedule.occurrences(of: timing(task), year: year).map {
                Row(task_id: task.requireID, month: $0.month, due_on: $0.dueOn?.description, label: $0.label,
                    state: OccurrenceState.notStarted.rawValue, version: 1, updated_at: Date())
            }
        }
        try await SQLRows.insert(rows, into: TaskOccurrence.schema, on: sql)
    }

    /// One task's occurrences, for months that have none yet (after its timing changed).
    static func create(forTask task: PlanTaskRecord, year: Int, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        let kept = Set(try await sql.select().column("month").from(TaskOccurrence.schema).where("task_id", .equal, task.requireID).all()
            .map { try $0.decode(column: "month", as: Int.self) })
        let rows = OccurrenceSchedule.occurrences(of: timing(task), year: year).filter { !kept.contains($0.month) }.map {
            Row(task_id: task.requireID, month: $0.month, due_on: $0.dueOn?.description, label: $0.label,
                state: OccurrenceState.notStarted.rawValue, version: 1, updated_at: Date())
        }
        try await SQLRows.insert(rows, into: TaskOccurrence.schema, on: sql)
    }

    /// The occurrences of newly stored tasks, from the timings read: no task is read back.
    static func insert(_ tasks: [(id: Int, timing: PlanDocument.Timing)], year: Int, on sql: any SQLDatabase) async throws {
        let rows = tasks.flatMap { task in
            OccurrenceSchedule.occurrences(of: task.timing.taskTiming, year: year).map {
                Row(task_id: task.id, month: $0.month, due_on: $0.dueOn?.description, label: $0.label,
                    state: OccurrenceState.notStarted.rawValue, version: 1, updated_at: Date())
            }
        }
        try await SQLRows.insert(rows, into: TaskOccurrence.schema, on: sql)
    }

    static func timing(_ task: PlanTaskRecord) -> TaskTiming {
        TaskTiming(raw: task.timingRaw, months: task.months.split(separator: ",").compactMap { Int($0) },
                   recurrence: task.recurrence.flatMap(TaskTiming.Recurrence.init(rawValue:)),
                   deadline: task.deadline.flatMap(CivilDate.init(parsing:)), asDirected: task.asDirected)
    }
}
