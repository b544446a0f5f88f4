import Fluent
import SQLKit

/// One model or exemplar registered by a unit for one year, with the ten items of the form,
/// its status, the decisions on it and where it came from (carried from last year, replicated
/// from another unit's). A model lasting several years has a row per year, chained by
/// `carried_from_id`. `name_key` (the folded name) keeps names unique in a unit and year.
struct CreateMovementModel: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("movement_models")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("year", .int, .required)
            .field("campaign_id", .int, .references("model_campaigns", .id))
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("field", .string, .required)
            .field("subtheme", .string, .required)
            .field("kind", .string, .required)
            .field("person_name", .string, .required)
            .field("person_position", .string, .required)
            .field("person_unit", .string, .required)
            .field("problem", .string, .required)
            .field("goals", .string, .required)
            .field("content", .string, .required)
            .field("place", .string, .required)
            .field("forces", .string, .required)
            .field("resources", .string, .required)
            .field("timing", .string, .required)
            .field("outputs", .string, .required)
            .field("sustainability", .string, .required)
            .field("plan_task_id", .int)
            .field("plan_target_id", .int)
            .field("replicated_from_id", .int, .references("movement_models", .id))
            .field("carried_from_id", .int, .references("movement_models", .id))
            .field("status", .string, .required)
            .field("late", .bool, .required)
            .field("reason", .string)
            .field("self_assessment", .string, .required)
            .field("criteria_met", .string, .required)
            .field("evaluation_note", .string, .required)
            .field("recognition_level", .string)
            .field("decision_number", .string)
            .field("decision_date", .string)
            .field("commendation_proposed", .string)
            .field("commendation_given", .string)
            .field("registered_on", .string, .required)
            .field("registered_by", .int)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "unit_id", "year", "name_key")
            .create()
        try await SQLIndex.create("movement_models_year_idx", on: "movement_models", columns: ["year", "unit_id"], in: database)
        try await SQLIndex.create("movement_models_replicated_idx", on: "movement_models", columns: ["replicated_from_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("movement_models").delete()
    }
}
