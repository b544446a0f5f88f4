import DanVanCore
import Fluent
import Foundation

/// A matter put to the people (see CreateConsultations): a consultation over a period, or a
/// decision by a village's households with its count.
final class Consultation: Model, @unchecked Sendable {
    static let schema = "consultations"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @OptionalField(key: "village_id") var villageID: Int?
    @Field(key: "kind") var kindRaw: String
    @Field(key: "subject") var subject: String
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "short_reason") var shortReason: String?
    @OptionalField(key: "households") var households: Int?
    @OptionalField(key: "participants") var participants: Int?
    @OptionalField(key: "votes_for") var votesFor: Int?
    @OptionalField(key: "votes_against") var votesAgainst: Int?
    @OptionalField(key: "votes_abstain") var votesAbstain: Int?
    @Field(key: "outcome") var outcome: String
    @Field(key: "minutes") var minutes: String
    @OptionalField(key: "result_published_on") var resultPublishedOn: String?
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var kind: ConsultationKind { ConsultationKind(rawValue: kindRaw) ?? .consultation }
    var starts: CivilDate { CivilDate(parsing: startsOn) ?? .literal("2000-01-01") }
    var ends: CivilDate? { endsOn.flatMap(CivilDate.init(parsing:)) }
}

/// The consultation rule in force for a unit on a day: its province's version first, else the national one.
enum ConsultationRules {
    struct Row: Decodable {
        let min_days: Int
        let pass_percent: Int
        let province_id: Int?
        let issued_by: String
        let valid_from: String
        let valid_to: String?
    }

    static func inForce(for unitID: Int, on day: CivilDate, db: any Database) async throws -> ConsultationRule {
        choose(try await load(on: db), ancestors: Set(try await UnitClosure.ancestorIDs(of: unitID, on: db)), on: day)
    }

    static func load(on db: any Database) async throws -> [Row] {
        try await UnitClosure.sqlDatabase(db).raw("""
            SELECT min_days, pass_percent, province_id, issued_by, valid_from, valid_to FROM consultation_rules ORDER BY valid_from DESC
            """).all(decoding: Row.self)
    }

    /// The version in force on the day: the unit's province's before the national one.
    static func choose(_ rows: [Row], ancestors: Set<Int>, on day: CivilDate) -> ConsultationRule {
        let current = rows.filter { row in
            (CivilDate(parsing: row.valid_from).map { $0 <= day } ?? false) && (row.valid_to.flatMap(CivilDate.init(parsing:)).map { day <= $0 } ?? true)
        }
        let chosen = current.first { $0.province_id.map(ancestors.contains) ?? false } ?? current.first { $0.province_id == nil }
        return chosen.map { ConsultationRule(minDays: $0.min_days, passPercent: $0.pass_percent, source: $0.issued_by) } ?? .shipped
    }
}
