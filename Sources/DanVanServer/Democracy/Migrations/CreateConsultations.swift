import DanVanCore
import Fluent
import SQLKit

/// Matters put to the people (consultations and direct decisions by households) and the dated
/// rule that judges them (the shortest consultation, the share of households a decision needs).
struct CreateConsultations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("consultation_rules")
            .field(.id, .int, .identifier(auto: true))
            .field("min_days", .int, .required)
            .field("pass_percent", .int, .required)
            .field("province_id", .int, .references("units", .id))
            .field("issued_by", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .create()
        try await database.schema("consultations")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("village_id", .int, .references("units", .id))
            .field("kind", .string, .required)
            .field("subject", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("short_reason", .string)
            .field("households", .int)
            .field("participants", .int)
            .field("votes_for", .int)
            .field("votes_against", .int)
            .field("votes_abstain", .int)
            .field("outcome", .string, .required)
            .field("minutes", .string, .required)
            .field("result_published_on", .string)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("consultations_unit_idx", on: "consultations", columns: ["unit_id", "starts_on"], in: database)
        let rule = ConsultationRule.shipped
        try await UnitClosure.sqlDatabase(database).insert(into: "consultation_rules").columns("min_days", "pass_percent", "issued_by", "valid_from")
            .values(SQLBind(rule.minDays), SQLBind(rule.passPercent), SQLBind(rule.source), SQLBind("2023-07-01")).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consultations").delete()
        try await database.schema("consultation_rules").delete()
    }
}
