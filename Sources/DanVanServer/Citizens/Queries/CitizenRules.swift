import DanVanCore
import Fluent
import SQLKit

/// Reads and writes the citizen rules held in the database: the calendar's exceptions, the
/// deadline rules, the reception duties.
enum CitizenRules {
    static func insert(_ day: WorkCalendar.Day, on db: any Database) async throws {
        try await (try sql(db)).insert(into: "work_calendar_days").columns("day", "kind", "name", "citation")
            .values(SQLBind(day.date.description), SQLBind(day.kind.rawValue), SQLBind(day.name), SQLBind(day.citation)).run()
    }

    static func insert(_ rule: DeadlineRule, on db: any Database) async throws {
        try await (try sql(db)).insert(into: "deadline_rules")
            .columns("key", "event", "kinds", "stage", "second_round", "limit_days", "complex_limit", "remote_limit", "remote_complex_limit",
                     "day_kind", "extension_days", "extensions_complex", "extensions_very_complex", "citation", "valid_from", "valid_to")
            .values(SQLBind(rule.key), SQLBind(rule.event), SQLBind(rule.kinds.map(\.rawValue).joined(separator: ",")), SQLBind(rule.stage.rawValue),
                    SQLBind(rule.secondRound), SQLBind(rule.limit), SQLBind(rule.complexLimit), SQLBind(rule.remoteLimit), SQLBind(rule.remoteComplexLimit),
                    SQLBind(rule.dayKind.rawValue), SQLBind(rule.extensions.days), SQLBind(rule.extensions.whenComplex),
                    SQLBind(rule.extensions.whenVeryComplex), SQLBind(rule.citation), SQLBind(rule.validFrom.description),
                    SQLBind(rule.validTo?.description))
            .run()
    }

    static func insert(_ duty: ReceptionDuty, on db: any Database) async throws {
        try await (try sql(db)).insert(into: "reception_duties")
            .columns("key", "position", "level", "minimum_days", "period", "deputy_counts", "citation", "valid_from", "valid_to")
            .values(SQLBind(duty.key), SQLBind(duty.position.rawValue), SQLBind(duty.level.rawValue), SQLBind(duty.minimumDays),
                    SQLBind(duty.period.rawValue), SQLBind(duty.deputyCounts), SQLBind(duty.citation), SQLBind(duty.validFrom.description),
                    SQLBind(duty.validTo?.description))
            .run()
    }

    private struct DayRow: Decodable {
        let day: String, kind: String, name: String, citation: String
    }

    static func calendar(on db: any Database) async throws -> WorkCalendar {
        WorkCalendar(days: try await days(on: db))
    }

    static func days(on db: any Database) async throws -> [WorkCalendar.Day] {
        try await (try sql(db)).select().columns("day", "kind", "name", "citation").from("work_calendar_days").orderBy("day").all(decoding: DayRow.self)
            .compactMap { row in
                guard let date = CivilDate(parsing: row.day), let kind = WorkCalendar.DayKind(rawValue: row.kind) else { return nil }
                return WorkCalendar.Day(date, kind, row.name, citation: row.citation)
            }
    }

    private struct RuleRow: Decodable {
        let key: String, event: String, kinds: String, stage: String, second_round: Bool, limit_days: Int
        let complex_limit: Int?, remote_limit: Int?, remote_complex_limit: Int?, day_kind: String
        let extension_days: Int, extensions_complex: Int, extensions_very_complex: Int, citation: String, valid_from: String, valid_to: String?
    }

    static func deadlineRules(on db: any Database) async throws -> [DeadlineRule] {
        try await (try sql(db)).select().column("*").from("deadline_rules").orderBy("key").orderBy("valid_from").all(decoding: RuleRow.self).compactMap { row in
            guard let stage = DeadlineRule.Stage(rawValue: row.stage), let dayKind = DeadlineRule.DayKind(rawValue: row.day_kind),
                  let from = CivilDate(parsing: row.valid_from) else { return nil }
            return DeadlineRule(key: row.key, event: row.event, kinds: row.kinds.split(separator: ",").compactMap { CaseKind(rawValue: String($0)) },
                                stage: stage, secondRound: row.second_round, limit: row.limit_days, complexLimit: row.complex_limit,
                                remoteLimit: row.remote_limit, remoteComplexLimit: row.remote_complex_limit, dayKind: dayKind,
                                extensions: .init(days: row.extension_days, whenComplex: row.extensions_complex, whenVeryComplex: row.extensions_very_complex),
                                citation: row.citation, validFrom: from, validTo: row.valid_to.flatMap(CivilDate.init(parsing:)))
        }
    }

    private struct DutyRow: Decodable {
        let key: String, position: String, level: String, minimum_days: Int, period: String, deputy_counts: Bool, citation: String
        let valid_from: String, valid_to: String?
    }

    static func receptionDuties(on db: any Database) async throws -> [ReceptionDuty] {
        try await (try sql(db)).select().column("*").from("reception_duties").orderBy("key").orderBy("valid_from").all(decoding: DutyRow.self).compactMap { row in
            guard let position = LeaderPosition(rawValue: row.position), let level = UnitLevel(rawValue: row.level),
                  let period = ReceptionDuty.Period(rawValue: row.period), let from = CivilDate(parsing: row.valid_from) else { return nil }
            return ReceptionDuty(key: row.key, position: position, level: level, minimumDays: row.minimum_days, period: period,
                                 deputyCounts: row.deputy_counts, citation: row.citation, validFrom: from, validTo: row.valid_to.flatMap(CivilDate.init(parsing:)))
        }
    }

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        try UnitClosure.sqlDatabase(db)
    }
}
