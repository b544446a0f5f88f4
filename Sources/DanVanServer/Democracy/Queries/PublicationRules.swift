import DanVanCore
import Fluent
import SQLKit

/// The statutory list as the database holds it: national rules and provinces' own versions.
enum PublicationRules {
    struct Row: Decodable {
        let id: Int
        let code: String
        let title: String
        let article: String
        let frequency: String
        let due_from: String
        let due_days: Int
        let min_days: Int
        let loudspeaker_days: Int
        let forms: String
        let province_id: Int?
        let issued_by: String
        let valid_from: String
        let valid_to: String?

        var rule: PublicationRule {
            PublicationRule(id: id, code: code, title: title, article: article, frequency: PublicationFrequency(rawValue: frequency) ?? .once,
                            dueFrom: PublicationRule.DueFrom(rawValue: due_from) ?? .periodEnd, dueDays: due_days, minDays: min_days,
                            loudspeakerDays: loudspeaker_days, forms: forms.split(separator: ",").map(String.init),
                            validFrom: CivilDate(parsing: valid_from) ?? .literal("2023-07-01"), validTo: valid_to.flatMap(CivilDate.init(parsing:)))
        }
    }

    static func rows(on db: any Database) async throws -> [Row] {
        try await UnitClosure.sqlDatabase(db).raw("""
            SELECT id, code, title, article, frequency, due_from, due_days, min_days, loudspeaker_days, forms, province_id, issued_by, valid_from, valid_to
            FROM publication_rules ORDER BY position, valid_from
            """).all(decoding: Row.self)
    }

    /// The rules that bind a unit: for each item, its province's versions first, then the
    /// national ones; whoever looks up a day takes the first version in force on it.
    static func binding(_ unitID: Int, on db: any Database) async throws -> [PublicationRule] {
        let ancestors = Set(try await UnitClosure.ancestorIDs(of: unitID, on: db))
        return choose(try await rows(on: db), ancestors: ancestors)
    }

    static func choose(_ rows: [Row], ancestors: Set<Int>) -> [PublicationRule] {
        let own = rows.filter { $0.province_id.map(ancestors.contains) ?? false }
        let national = rows.filter { $0.province_id == nil }
        return own.map(\.rule) + national.map(\.rule)
    }

    /// One version per item, the one in force on the day (the province's before the nation's).
    static func inForce(_ rules: [PublicationRule], on day: CivilDate) -> [PublicationRule] {
        var seen = Set<String>()
        let current = rules.filter { $0.inForce(on: day) && seen.insert($0.code).inserted }
        let order = rules.map(\.code)
        return current.sorted { (order.lastIndex(of: $0.code) ?? 0) < (order.lastIndex(of: $1.code) ?? 0) }
    }
}
