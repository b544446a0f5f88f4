import DanVanCore
import Foundation
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
        /// Due tasks, and periods of reporting duties, that were looked at (each notifies its people once).
        var events = 0
    }

    /// A due item with the people it goes to, read in the same query.
    struct Due: Sendable {
        let event: NotificationEvent
        var recipients: [NotificationWriter.Recipient]
    }

    static func run(today: CivilDate, on db: any Database, now: Date = Date()) async throws -> Outcome {
        let tasks = try await taskEvents(today: today, on: db)
        let duties = try await reportDuties(today: today, on: db)
        let recipients = Dictionary(tasks.map { ($0.event.key, $0.recipients) }, uniquingKeysWith: { first, _ in first })
        return try await db.writeTransaction { tx in
            try await NotificationWriter.write(tasks.map(\.event), recipients: recipients, on: tx)
            for duty in duties {
                try await ReportDeadlineNotices.insert(duty, now: now, on: tx)
            }
            try await NotificationWriter.mailPendingImmediate(on: tx)
            return Outcome(events: tasks.count + duties.count)
        }
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
    private static func grouped(_ rows: [any SQLRow], key column: String,
                                event: (any SQLRow) throws -> NotificationEvent?) throws -> [Due] {
        var order: [Int] = []
        var byKey: [Int: Due] = [:]
        for row in rows {
            let id = try row.decode(column: column, as: Int.self)
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
                """).all()
            due += try grouped(rows, key: "occurrence_id") { row in
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

    /// A period of a reporting duty whose deadline falls in the windows: the units of its scope
    /// that have not sent the report are owed a notice.
    struct ReportDuty: Sendable, Equatable {
        let scopeUnitID: Int
        let period: ReportPeriod
        let deadline: CivilDate
        let kind: NotificationKind
    }

    /// For each reporting duty of this year and last, the periods whose deadline falls in the
    /// windows (due in three days, or passed within the catch-up days).
    static func reportDuties(today: CivilDate, on db: any Database) async throws -> [ReportDuty] {
        let schemes = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT s.scope_unit_id, s.frequency, MIN(s.deadline_days) AS deadline_days, p.year FROM report_schemes s
            JOIN plans p ON p.id = s.plan_id
            WHERE p.year IN (\(bind: today.year - 1), \(bind: today.year))
            GROUP BY s.scope_unit_id, s.frequency, p.year
            """).all()
        var duties: [ReportDuty] = []
        for scheme in schemes {
            let frequency = ReportFrequency(rawValue: try scheme.decode(column: "frequency", as: String.self)) ?? .month
            let days = try scheme.decode(column: "deadline_days", as: Int.self)
            let scope = try scheme.decode(column: "scope_unit_id", as: Int.self)
            for period in frequency.periods(in: try scheme.decode(column: "year", as: Int.self)) {
                let deadline = period.deadline(afterDays: days)
                guard deadline >= today.adding(days: -catchUpDays), deadline <= today.adding(days: aheadDays) else { continue }
                duties.append(ReportDuty(scopeUnitID: scope, period: period, deadline: deadline,
                                         kind: deadline < today ? .reportOverdue : .reportDueSoon))
            }
        }
        return duties
    }
}
