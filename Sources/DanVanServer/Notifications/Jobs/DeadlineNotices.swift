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

    static func run(today: CivilDate, on db: any Database) async throws -> Outcome {
        let tasks = try await taskEvents(today: today, on: db)
        let reports = try await reportEvents(today: today, on: db)
        let events = tasks + reports
        guard !events.isEmpty else { return Outcome() }
        let staff = try await staffByUnit(Set(events.map(\.unitID)), on: db)
        var byKey: [String: [NotificationWriter.Recipient]] = [:]
        for event in events {
            byKey[event.key] = (staff[event.unitID] ?? []).compactMap { person in
                person.preferences[event.kind].map { channels in
                    NotificationWriter.Recipient(userID: person.id, verifiedEmail: person.email, timing: person.timing, channels: channels)
                } ?? NotificationWriter.Recipient(userID: person.id, verifiedEmail: person.email, timing: person.timing, channels: .standard)
            }
        }
        let recipients = byKey
        for start in stride(from: 0, to: events.count, by: 500) {
            let slice = Array(events[start..<min(start + 500, events.count)])
            try await db.writeTransaction { tx in
                try await NotificationWriter.write(slice, recipients: recipients, on: tx)
            }
        }
        return Outcome(events: events.count)
    }

    /// Unfinished occurrences due between today and three days ahead, or overdue within the catch-up window.
    static func taskEvents(today: CivilDate, on db: any Database) async throws -> [NotificationEvent] {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT o.id, o.due_on, o.label, t.text, t.lead_unit_id, u.name FROM task_occurrences o
            JOIN plan_tasks t ON t.id = o.task_id JOIN units u ON u.id = t.lead_unit_id
            WHERE o.state IN ('not_started', 'in_progress')
              AND o.due_on >= \(bind: today.adding(days: -catchUpDays).description)
              AND o.due_on <= \(bind: today.adding(days: aheadDays).description)
            """).all()
        return try rows.compactMap { row in
            guard let due = CivilDate(parsing: try row.decode(column: "due_on", as: String.self)) else { return nil }
            let id = try row.decode(column: "id", as: Int.self)
            let kind: NotificationKind = due < today ? .taskOverdue : .taskDueSoon
            return NotificationEvent(kind, unitID: try row.decode(column: "lead_unit_id", as: Int.self),
                                     facts: [.task(try row.decode(column: "text", as: String.self)), .date(due),
                                             .unit(try row.decode(column: "name", as: String.self))],
                                     link: SiteRoute.occurrence(id).path, key: "\(kind.rawValue):\(id):\(due)")
        }
    }

    /// For each reporting duty of this year and last, the periods whose deadline falls in the
    /// windows, and the units in its scope with no report sent for them.
    static func reportEvents(today: CivilDate, on db: any Database) async throws -> [NotificationEvent] {
        let sql = try UnitClosure.sqlDatabase(db)
        let schemes = try await sql.raw("""
            SELECT s.scope_unit_id, s.frequency, MIN(s.deadline_days) AS deadline_days, p.year FROM report_schemes s
            JOIN plans p ON p.id = s.plan_id
            WHERE p.year IN (\(bind: today.year - 1), \(bind: today.year))
            GROUP BY s.scope_unit_id, s.frequency, p.year
            """).all()
        var events: [String: NotificationEvent] = [:]
        for scheme in schemes {
            let frequency = ReportFrequency(rawValue: try scheme.decode(column: "frequency", as: String.self)) ?? .month
            let days = try scheme.decode(column: "deadline_days", as: Int.self)
            let scope = try scheme.decode(column: "scope_unit_id", as: Int.self)
            for period in frequency.periods(in: try scheme.decode(column: "year", as: Int.self)) {
                let deadline = period.deadline(afterDays: days)
                guard deadline >= today.adding(days: -catchUpDays), deadline <= today.adding(days: aheadDays) else { continue }
                let kind: NotificationKind = deadline < today ? .reportOverdue : .reportDueSoon
                for unit in try await unitsOwing(period, scope: scope, on: sql) {
                    let key = "\(kind.rawValue):\(unit.id):\(period.code)"
                    events[key] = NotificationEvent(kind, unitID: unit.id, facts: [.unit(unit.name), .period(period.label), .date(deadline)],
                                                    link: SiteRoute.report(unit.code).path + "?period=" + period.code, key: key)
                }
            }
        }
        return events.values.sorted { $0.key < $1.key }
    }

    private static func unitsOwing(_ period: ReportPeriod, scope: Int, on sql: any SQLDatabase) async throws -> [(id: Int, code: String, name: String)] {
        try await sql.raw("""
            SELECT u.id, u.code, u.name FROM unit_closure d JOIN units u ON u.id = d.descendant_id
            LEFT JOIN reports r ON r.unit_id = u.id AND r.year = \(bind: period.year) AND r.end_month = \(bind: period.lastMonth)
            WHERE d.ancestor_id = \(bind: scope)
              AND (u.valid_from IS NULL OR u.valid_from <= \(bind: period.lastDay.description))
              AND (u.valid_to IS NULL OR u.valid_to >= \(bind: period.firstDay.description))
              AND (r.id IS NULL OR r.state IN ('draft', 'returned'))
              AND EXISTS (SELECT 1 FROM users s WHERE s.unit_id = u.id AND s.active = \(bind: true) AND s.role IN ('manager', 'reporter'))
            """).all().map { row in
            (try row.decode(column: "id", as: Int.self), try row.decode(column: "code", as: String.self), try row.decode(column: "name", as: String.self))
        }
    }

    struct Person: Sendable {
        let id: Int
        let email: String?
        let timing: MailTiming
        var preferences: [NotificationKind: NotificationChannels]
    }

    /// The managers and reporters of each unit, with their preferences, read once for the whole run.
    private static func staffByUnit(_ unitIDs: Set<Int>, on db: any Database) async throws -> [Int: [Person]] {
        let sql = try UnitClosure.sqlDatabase(db)
        var people: [Int: Person] = [:]
        var units: [Int: [Int]] = [:]
        let ids = Array(unitIDs)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for row in try await sql.raw("""
                SELECT id, unit_id, email, email_verified_at, mail_timing FROM users
                WHERE active = \(bind: true) AND role IN ('manager', 'reporter') AND unit_id IN (\(binds: chunk))
                """).all() {
                let id = try row.decode(column: "id", as: Int.self)
                let verified = try row.decodeNil(column: "email_verified_at") ? nil : try row.decode(column: "email", as: String?.self)
                people[id] = Person(id: id, email: verified,
                                    timing: try row.decode(column: "mail_timing", as: String?.self).flatMap(MailTiming.init(rawValue:)) ?? .digest,
                                    preferences: [:])
                units[try row.decode(column: "unit_id", as: Int.self), default: []].append(id)
            }
        }
        let userIDs = Array(people.keys)
        for start in stride(from: 0, to: userIDs.count, by: 500) {
            let chunk = Array(userIDs[start..<min(start + 500, userIDs.count)])
            for row in try await sql.raw("""
                SELECT user_id, kind, in_app, email FROM notification_preferences WHERE user_id IN (\(binds: chunk))
                """).all() {
                guard let kind = NotificationKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                people[try row.decode(column: "user_id", as: Int.self)]?.preferences[kind] =
                    NotificationChannels(inApp: try row.decode(column: "in_app", as: Bool.self), email: try row.decode(column: "email", as: Bool.self))
            }
        }
        return units.mapValues { $0.compactMap { people[$0] } }
    }
}
