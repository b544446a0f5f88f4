import DanVanCore
import Fluent
import SQLKit

/// Reception duties month by month and dialogues, for a unit and the units directly below it.
enum ReceptionQueries {
    struct DutyRow: Codable, Sendable {
        let unitCode: String
        let unitName: String
        let position: String
        let duty: String
        let citation: String
        let months: [Cell]
        let missed: Int

        struct Cell: Codable, Sendable {
            let month: Int
            let outcome: String
            let label: String
        }
    }

    private struct SessionRow: Decodable {
        let unit_id: Int
        let position: String
        let held_on: String
        let deputy: Int
    }

    /// One row per leader with a duty in force, twelve cells (or up to this month in the current year).
    static func duties(for units: [OrgUnit], year: Int, today: CivilDate, on db: any Database) async throws -> [DutyRow] {
        guard !units.isEmpty else { return [] }
        let duties = try await CitizenRules.receptionDuties(on: db)
        let calendar = try await CitizenRules.calendar(on: db)
        let ids = units.map(\.requireID)
        let sessions = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT unit_id, position, held_on, CAST(CASE WHEN deputy_name IS NULL THEN 0 ELSE 1 END AS INTEGER) AS deputy
            FROM reception_sessions WHERE unit_id IN (\(unsafeRaw: ids.map(String.init).joined(separator: ",")))
              AND held_on >= \(bind: "\(year)-01-01") AND held_on <= \(bind: "\(year)-12-31")
            """).all(decoding: SessionRow.self)
        let lastMonth = year < today.year ? 12 : (year == today.year ? today.month : 0)
        var rows: [DutyRow] = []
        for unit in units {
            guard let level = UnitLevel(rawValue: unit.level), let position = UnitKind(rawValue: unit.kind).flatMap(LeaderPosition.head(of:)) else { continue }
            let days = sessions.filter { $0.unit_id == unit.requireID && $0.position == position.rawValue }
                .compactMap { row in CivilDate(parsing: row.held_on).map { (date: $0, byDeputy: row.deputy == 1) } }
            let cells = (1...max(1, lastMonth)).compactMap { month -> DutyRow.Cell? in
                guard lastMonth > 0 else { return nil }
                let check = ReceptionDutyCheck.month(year, month, sessions: days, duties: duties, position: position, level: level, today: today, calendar: calendar)
                guard check.outcome != .none else { return nil }
                let label = "\(check.held)/\(check.required)" + (check.deputySessionsNotCounted > 0 ? " (cấp phó tiếp thay không tính)" : "")
                return DutyRow.Cell(month: month, outcome: check.outcome.rawValue, label: label)
            }
            guard !cells.isEmpty, let duty = ReceptionDuty.duty(for: position, level: level, on: min(today, CivilDate(year: year, month: 12, day: 31) ?? today), in: duties)
            else { continue }
            rows.append(DutyRow(unitCode: unit.code, unitName: unit.name, position: position.label, duty: duty.wording, citation: duty.citation,
                                months: cells, missed: cells.filter { $0.outcome == "missed" }.count))
        }
        return rows
    }

    struct DialogueRow: Codable, Sendable {
        let id: Int
        let href: String
        let unitName: String
        let topic: String
        let heldOn: String
        let questions: Int
        let openCases: Int
        let noticeShort: Bool
        let publishedLate: Bool
        let published: String?
    }

    private struct DialogueSQL: Decodable {
        let id: Int
        let unit_name: String
        let topic: String
        let held_on: String
        let notice_on: String?
        let extraordinary_reason: String?
        let published_on: String?
        let questions: Int
        let open_cases: Int
    }

    /// Dialogues held in the subtree in the year, with how many of their cases are still open.
    static func dialogues(under unitID: Int, year: Int, today: CivilDate, on db: any Database) async throws -> [DialogueRow] {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT d.id, u.name AS unit_name, d.topic, d.held_on, d.notice_on, d.extraordinary_reason, d.published_on,
                   CAST((SELECT COUNT(*) FROM dialogue_questions q WHERE q.dialogue_id = d.id) AS BIGINT) AS questions,
                   CAST((SELECT COUNT(*) FROM citizen_cases cc WHERE cc.dialogue_id = d.id AND cc.closed_on IS NULL AND cc.done_on IS NULL) AS BIGINT) AS open_cases
            FROM dialogues d JOIN units u ON u.id = d.unit_id JOIN unit_closure c ON c.descendant_id = d.unit_id
            WHERE c.ancestor_id = \(bind: unitID) AND d.held_on >= \(bind: "\(year)-01-01") AND d.held_on <= \(bind: "\(year)-12-31")
            ORDER BY d.held_on DESC
            """).all(decoding: DialogueSQL.self)
        let rule = DialogueRule.current
        return rows.map { row in
            let held = CivilDate(parsing: row.held_on) ?? today
            return DialogueRow(id: row.id, href: SiteRoute.dialogue(row.id).path, unitName: row.unit_name, topic: row.topic, heldOn: held.vietnamese,
                               questions: row.questions, openCases: row.open_cases,
                               noticeShort: rule.noticeTooShort(noticeOn: row.notice_on.flatMap(CivilDate.init(parsing:)), heldOn: held,
                                                                extraordinary: row.extraordinary_reason != nil),
                               publishedLate: rule.publishedLate(heldOn: held, publishedOn: row.published_on.flatMap(CivilDate.init(parsing:)), today: today),
                               published: row.published_on.flatMap(CivilDate.init(parsing:))?.vietnamese)
        }
    }
}
