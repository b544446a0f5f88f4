import DanVanCore
import Fluent
import SQLKit

/// Lists and counts of cases over a unit's subtree, read in SQL without any identity column:
/// the list carries no citizen's name at all, only the summary the unit wrote.
enum CaseQueries {
    struct Filter: Sendable, Equatable {
        var status: CaseStatus?
        var kind: CaseKind?
        var overdueOnly = false
        var search: String?
        var year: Int?
    }

    struct Row: Decodable, Sendable, Encodable {
        let id: Int
        let tracking_code: String
        let kind: String
        let channel: String
        let received_on: String
        let subject: String
        let status: String
        let due_on: String?
        let done_on: String?
        let unit_code: String
        let unit_name: String
        let lead_name: String?
        let extensions: Int

        var caseKind: CaseKind { CaseKind(rawValue: kind) ?? .recommendation }
        var caseStatus: CaseStatus { CaseStatus(rawValue: status) ?? .received }
        func timeliness(today: CivilDate) -> CaseTimeliness {
            CaseTimeliness.of(due: due_on.flatMap(CivilDate.init(parsing:)), done: done_on.flatMap(CivilDate.init(parsing:)), today: today)
        }
        func daysLate(today: CivilDate) -> Int {
            CaseTimeliness.daysLate(due: due_on.flatMap(CivilDate.init(parsing:)), done: done_on.flatMap(CivilDate.init(parsing:)), today: today)
        }
    }

    /// Cases of the unit's subtree (handled there or assigned to a unit of it), newest first.
    static func list(under unitID: Int, filter: Filter, today: CivilDate, limit: Int = 200, offset: Int = 0,
                     on db: any Database) async throws -> [Row] {
        let sql = try UnitClosure.sqlDatabase(db)
        var query = SQLQueryString("""
            SELECT cc.id, cc.tracking_code, cc.kind, cc.channel, cc.received_on, cc.subject, cc.status, cc.due_on, cc.done_on,
                   u.code AS unit_code, u.name AS unit_name, l.name AS lead_name, cc.extensions
            FROM citizen_cases cc JOIN units u ON u.id = cc.unit_id LEFT JOIN units l ON l.id = cc.lead_unit_id
            WHERE (cc.unit_id IN (SELECT x.descendant_id FROM unit_closure x WHERE x.ancestor_id = \(bind: unitID))
                   OR cc.lead_unit_id IN (SELECT y.descendant_id FROM unit_closure y WHERE y.ancestor_id = \(bind: unitID)))
            """)
        if let status = filter.status { query.appendInterpolation(unsafeRaw: " AND cc.status = "); query.appendInterpolation(bind: status.rawValue) }
        if let kind = filter.kind { query.appendInterpolation(unsafeRaw: " AND cc.kind = "); query.appendInterpolation(bind: kind.rawValue) }
        if let year = filter.year {
            query.appendInterpolation(unsafeRaw: " AND cc.received_on >= "); query.appendInterpolation(bind: "\(year)-01-01")
            query.appendInterpolation(unsafeRaw: " AND cc.received_on <= "); query.appendInterpolation(bind: "\(year)-12-31")
        }
        if filter.overdueOnly {
            query.appendInterpolation(unsafeRaw: " AND cc.done_on IS NULL AND cc.due_on < "); query.appendInterpolation(bind: today.description)
        }
        if let search = filter.search, !search.isEmpty {
            query.appendInterpolation(unsafeRaw: " AND (cc.search LIKE ")
            query.appendInterpolation(bind: "%" + UnitQueries.escapeLike(VietnameseFolding.fold(search)) + "%")
            query.appendInterpolation(unsafeRaw: " ESCAPE '\\' OR cc.tracking_code = ")
            query.appendInterpolation(bind: TrackingCode.normalized(search) ?? "")
            query.appendInterpolation(unsafeRaw: ")")
        }
        query.appendInterpolation(unsafeRaw: filter.overdueOnly ? " ORDER BY cc.due_on, cc.id" : " ORDER BY cc.received_on DESC, cc.id DESC")
        query.appendInterpolation(unsafeRaw: " LIMIT \(max(1, min(limit, 1000))) OFFSET \(max(0, offset))")
        return try await sql.raw(query).all(decoding: Row.self)
    }

    struct CountRow: Decodable {
        let unit_id: Int
        let on_time: Int
        let late: Int
        let in_time: Int
        let overdue: Int
    }

    /// Timeliness per given unit, each counting the cases handled in its whole subtree.
    static func timeliness(of unitIDs: [Int], year: Int?, today: CivilDate, on db: any Database) async throws -> [Int: TimelinessCounts] {
        guard let year, let from = CivilDate(year: year, month: 1, day: 1), let through = CivilDate(year: year, month: 12, day: 31) else {
            return try await timeliness(of: unitIDs, from: nil, through: nil, today: today, on: db)
        }
        return try await timeliness(of: unitIDs, from: from, through: through, today: today, on: db)
    }

    /// Timeliness of the cases received between the dates (all when nil), per unit's subtree.
    static func timeliness(of unitIDs: [Int], from: CivilDate?, through: CivilDate?, today: CivilDate,
                           on db: any Database) async throws -> [Int: TimelinessCounts] {
        guard !unitIDs.isEmpty else { return [:] }
        let sql = try UnitClosure.sqlDatabase(db)
        let t = today.description
        var query = SQLQueryString("""
            SELECT c.ancestor_id AS unit_id,
                   CAST(SUM(CASE WHEN cc.done_on IS NOT NULL AND (cc.due_on IS NULL OR cc.done_on <= cc.due_on) THEN 1 ELSE 0 END) AS BIGINT) AS on_time,
                   CAST(SUM(CASE WHEN cc.done_on IS NOT NULL AND cc.done_on > cc.due_on THEN 1 ELSE 0 END) AS BIGINT) AS late,
                   CAST(SUM(CASE WHEN cc.done_on IS NULL AND (cc.due_on IS NULL OR cc.due_on >= \(bind: t)) THEN 1 ELSE 0 END) AS BIGINT) AS in_time,
                   CAST(SUM(CASE WHEN cc.done_on IS NULL AND cc.due_on < \(bind: t) THEN 1 ELSE 0 END) AS BIGINT) AS overdue
            FROM unit_closure c JOIN citizen_cases cc ON cc.unit_id = c.descendant_id
            WHERE c.ancestor_id IN (\(unsafeRaw: unitIDs.map(String.init).joined(separator: ",")))
            """)
        if let from, let through {
            query.appendInterpolation(unsafeRaw: " AND cc.received_on >= "); query.appendInterpolation(bind: from.description)
            query.appendInterpolation(unsafeRaw: " AND cc.received_on <= "); query.appendInterpolation(bind: through.description)
        }
        query.appendInterpolation(unsafeRaw: " GROUP BY c.ancestor_id")
        let rows = try await sql.raw(query).all(decoding: CountRow.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.unit_id, TimelinessCounts(onTime: $0.on_time, late: $0.late, inTime: $0.in_time, overdue: $0.overdue)) })
    }
}
