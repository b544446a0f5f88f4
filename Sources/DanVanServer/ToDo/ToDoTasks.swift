import DanVanCore
import Fluent
import SQLKit

/// The task lines of "Việc cần làm": occurrences the unit leads, or coordinates, that are not
/// finished and are overdue or fall due within the coming weeks, with the reminders received on each.
enum ToDoTasks {
    static let horizonDays = 45

    /// Work of years already closed is for the review, not the to-do list: overdue items count
    /// from 1 January, or from last year's while the year's first two months let it be finished.
    static func oldestDue(today: CivilDate) -> String {
        "\(today.month <= 2 ? today.year - 1 : today.year)-01-01"
    }
    static let limit = 40

    static func led(by unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> (items: [ToDoItem], total: Int) {
        let sql = try UnitClosure.sqlDatabase(db)
        let horizon = today.adding(days: horizonDays).description
        let filter: SQLQueryString = """
            (t.lead_unit_id = \(bind: unit.requireID)
             OR t.id IN (SELECT c.task_id FROM task_coordinators c WHERE c.unit_id = \(bind: unit.requireID)))
            AND o.state IN ('not_started', 'in_progress')
            AND o.due_on IS NOT NULL AND o.due_on >= \(bind: Self.oldestDue(today: today)) AND o.due_on <= \(bind: horizon)
            """
        let total = try await sql.raw("""
            SELECT COUNT(*) AS n FROM task_occurrences o JOIN plan_tasks t ON t.id = o.task_id WHERE \(filter)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        guard total > 0 else { return ([], 0) }
        let rows = try await sql.raw("""
            SELECT o.id, o.label, o.due_on, t.text, t.lead_unit_id,
              (SELECT COUNT(*) FROM task_updates x WHERE x.occurrence_id = o.id AND x.kind = \(bind: TaskUpdate.reminderKind)) AS reminders
            FROM task_occurrences o JOIN plan_tasks t ON t.id = o.task_id
            WHERE \(filter)
            ORDER BY o.due_on, o.id LIMIT \(literal: limit)
            """).all()
        let items = try rows.map { row in
            let due = try row.decode(column: "due_on", as: String?.self).flatMap(CivilDate.init(parsing:))
            let reminders = try row.decode(column: "reminders", as: Int.self)
            let text = try row.decode(column: "text", as: String.self)
            let leads = try row.decode(column: "lead_unit_id", as: Int?.self) == unit.requireID
            return ToDoItem(.task, what: text.clippedAtWord(200),
                            forWhom: unit.name + (leads ? " chủ trì · " : " phối hợp · ") + (try row.decode(column: "label", as: String.self)),
                            due: due, note: reminders > 0 ? "Cấp trên đã đôn đốc \(reminders) lần" : nil,
                            href: SiteRoute.occurrence(try row.decode(column: "id", as: Int.self)).path,
                            urgency: .of(due: due, today: today))
        }
        return (items, total)
    }
}
