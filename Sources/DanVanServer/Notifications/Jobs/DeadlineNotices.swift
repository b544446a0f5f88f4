import DanVanCore
import Fluent
import SQLKit

/// The day's deadline notices: tasks and reports due in three days, and those whose deadline
/// has passed, each to the people of the unit that owes them. Every notice is keyed by its
/// object and date, so running the job twice, or on two servers, or again after a restart,
/// notifies nobody twice; a day the server was down is caught up by the windows below.
enum DeadlineNotices {
    static let aheadDays = 3
    /// A deadline passed up to this many days ago still gets its notice (the job may have missed days).
    static let catchUpDays = 7

    struct Outcome: Sendable, Equatable {
        var events = 0
    }

    /// A due item with the people it goes to, read in the same query.
    struct Due: Sendable {
        let event: NotificationEvent
        var recipients: [NotificationWriter.Recipient]
    }

    static func run(today: CivilDate, on db: any Database) async throws -> Outcome {
        let due = try await taskEvents(today: today, on: db) + (try await reportEvents(today: today, on: db))
        guard !due.isEmpty else { return Outcome() }
        let recipients = Dictionary(due.map { ($0.event.key, $0.recipients) }, uniquingKeysWith: { first, _ in first })
        let events = due.map(\.event)
        try await db.writeTransaction { tx in
            try await NotificationWriter.write(events, recipients: recipients, on: tx)
        }
        return Outcome(events: events.count)
    }

    /// The columns of a recipient (see `NotificationWriter.recipient`), joined to a due item's unit `u` for `kind`.
    private static func staff(of unit: SQLQueryString, kind: String) -> (columns: SQLQueryString, joins: SQLQueryString) {
        ("s.id, s.email, s.email_verified_at, s.mail_timing, p.in_app, p.email AS pref_email",
         """
         JOIN users s ON s.unit_id = \(unit) AND s.active = \(bind: true) AND s.role IN ('manager', 'reporter')
         LEFT JOIN notification_preferences p ON p.user_id = s.id AND p.kind = \(bind: kind)
         """)
    }

    /// Groups rows of (item, recipient) into items with their recipients, in the order met.
    private static func grouped(_ rows: [any SQLRow], key: (any SQLRow) throws -> String,
                                event: (any SQLRow) throws -> NotificationEvent?) throws -> [Due] {
        var order: [String] = []
        var byKey: [String: Due] = [:]
        for row in rows {
            let id = try key(row)
            if byKey[id] == nil {
                guard let made = try event(row) else { continue }
                byKey[id] = Due(event: made, recipients: [])
                order.append(id)
            }
            byKey[id]?.recipients.append(try NotificationWriter.recipient(row))
        }
        return order.compactMap { byKey[$0] }
    }

    /// Unfinished occurrences due between today and three days ahead, or overdue within the catch-up window.
    static func taskEvents(today: CivilDate, on db: any Database) async throws -> [Due] {
        var due: [Due] = []
        for kind in [NotificationKind.taskDueSoon, .taskOverdue] {
            let (from, to) = kind == .taskDueSoon ? (today, today.adding(days: aheadDays)) : (today.adding(days: -catchUpDays), today.adding(days: -1))
            let people = staff(of: "t.lead_unit_id", kind: kind.rawValue)
            let rows = try await UnitClosure.sqlDatabase(db).raw("""
                SELECT o.id AS occurrence_id, o.due_on, t.text, t.lead_unit_id, u.name AS unit_name, \(people.columns)
                FROM task_occurrences o JOIN plan_tasks t ON t.id = o.task_id JOIN units u ON u.id = t.lead_unit_id
                \(people.joins)
                WHERE o.state IN ('not_started', 'in_progress')
                  AND o.due_on >= \(bind: from.description) AND o.due_on <= \(bind: to.description)
                ORDER BY o.id
                """).all()
            due += try grouped(rows, key: { "\(try $0.decode(column: "occurrence_id", as: Int.self))" }) { row in
                guard let date = CivilDate(parsing: try row.decode(column: "due_on", as: String.self)) else { return nil }
                let id = try row.decode(column: "occurrence_id", as: Int.self)
                return NotificationEvent(kind, unitID: try row.decode(column: "lead_unit_id", as: Int.self),
                                         facts: [.task(try row.decode(column: "text", as: String.self)), .date(date),
                                                 .unit(try row.decode(column: "unit_name", as: String.self))],
                                         link: SiteRoute.occurrence(id).path, key: "\(kind.rawValue):\(id):\(date)")
            }
        }
        return due
    }

    /// For each reporting duty of this year and last, the periods whose deadline falls in the
    /// windows, and the units in its scope with no report sent for them.
    static func reportEvents(today: CivilDate, on db: any Database) async throws -> [Due] {
        let sql = try UnitClosure.sqlDatabase(db)
        let schemes = try await sql.raw("""
            SELECT s.scope_unit_id, s.frequency, MIN(s.deadline_days) AS deadline_days, p.year FROM report_schemes s
            JOIN plans p ON p.id = s.plan_id
            WHERE p.year IN (\(bind: today.year - 1), \(bind: today.year))
            GROUP BY s.scope_unit_id, s.frequency, p.year
            """).all()
        var due: [String: Due] = [:]
        for scheme in schemes {
            let frequency = ReportFrequency(rawValue: try scheme.decode(column: "frequency", as: String.self)) ?? .month
            let days = try scheme.decode(column: "deadline_days", as: Int.self)
            let scope = try scheme.decode(column: "scope_unit_id", as: Int.self)
            for period in frequency.periods(in: try scheme.decode(column: "year", as: Int.self)) {
                let deadline = period.deadline(afterDays: days)
                guard deadline >= today.adding(days: -catchUpDays), deadline <= today.adding(days: aheadDays) else { continue }
                let kind: NotificationKind = deadline < today ? .reportOverdue : .reportDueSoon
                for item in try await unitsOwing(period, scope: scope, kind: kind, deadline: deadline, on: sql) where due[item.event.key] == nil {
                    due[item.event.key] = item
                }
            }
        }
        return due.values.sorted { $0.event.key < $1.event.key }
    }

    private static func unitsOwing(_ period: ReportPeriod, scope: Int, kind: NotificationKind, deadline: CivilDate,
                                   on sql: any SQLDatabase) async throws -> [Due] {
        let people = staff(of: "u.id", kind: kind.rawValue)
        let rows = try await sql.raw("""
            SELECT u.id AS unit_id, u.code, u.name AS unit_name, \(people.columns)
            FROM unit_closure d JOIN units u ON u.id = d.descendant_id
            \(people.joins)
            LEFT JOIN reports r ON r.unit_id = u.id AND r.year = \(bind: period.year) AND r.end_month = \(bind: period.lastMonth)
            WHERE d.ancestor_id = \(bind: scope)
              AND (u.valid_from IS NULL OR u.valid_from <= \(bind: period.lastDay.description))
              AND (u.valid_to IS NULL OR u.valid_to >= \(bind: period.firstDay.description))
              AND (r.id IS NULL OR r.state IN ('draft', 'returned'))
            ORDER BY u.id
            """).all()
        return try grouped(rows, key: { "\(try $0.decode(column: "unit_id", as: Int.self))" }) { row in
            let unitID = try row.decode(column: "unit_id", as: Int.self)
            let code = try row.decode(column: "code", as: String.self)
            return NotificationEvent(kind, unitID: unitID,
                                     facts: [.unit(try row.decode(column: "unit_name", as: String.self)), .period(period.label), .date(deadline)],
                                     link: SiteRoute.report(code).path + "?period=" + period.code,
                                     key: "\(kind.rawValue):\(unitID):\(period.code)")
        }
    }
}
