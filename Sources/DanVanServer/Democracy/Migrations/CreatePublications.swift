import DanVanCore
import Fluent
import SQLKit

/// The statutory list of what a commune publishes (dated rules, national or a province's own),
/// the publications themselves, and each unit's choice to have a public page.
struct CreatePublications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("publication_rules")
            .field(.id, .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("article", .string, .required)
            .field("frequency", .string, .required)
            .field("due_from", .string, .required)
            .field("due_days", .int, .required)
            .field("min_days", .int, .required)
            .field("loudspeaker_days", .int, .required)
            .field("forms", .string, .required)
            // A province's own version applies under that unit; null is the national list.
            .field("province_id", .int, .references("units", .id))
            .field("issued_by", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("position", .int, .required)
            .create()
        try await database.schema("publications")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("rule_code", .string, .required)
            .field("period", .string, .required)
            .field("title", .string, .required)
            .field("doc_number", .string, .required)
            .field("doc_date", .string)
            .field("forms", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("loudspeaker_days", .int)
            .field("proof_link", .string, .required)
            .field("responsible", .string, .required)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("publications_unit_idx", on: "publications", columns: ["unit_id", "rule_code", "period"], in: database)
        try await SQLIndex.create("publications_starts_idx", on: "publications", columns: ["starts_on"], in: database)
        try await database.schema("units").field("public_page", .bool).update()
        let sql = try UnitClosure.sqlDatabase(database)
        for (index, rule) in PublicationRule.shipped.enumerated() {
            try await sql.insert(into: "publication_rules")
                .columns("code", "title", "article", "frequency", "due_from", "due_days", "min_days", "loudspeaker_days", "forms",
                         "issued_by", "valid_from", "position")
                .values(SQLBind(rule.code), SQLBind(rule.title), SQLBind(rule.article), SQLBind(rule.frequency.rawValue), SQLBind(rule.dueFrom.rawValue),
                        SQLBind(rule.dueDays), SQLBind(rule.minDays), SQLBind(rule.loudspeakerDays), SQLBind(rule.forms.joined(separator: ",")),
                        SQLBind(PublicationRule.shippedSource), SQLBind(rule.validFrom.description), SQLBind(index))
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("units").deleteField("public_page").update()
        try await database.schema("publications").delete()
        try await database.schema("publication_rules").delete()
    }
}
