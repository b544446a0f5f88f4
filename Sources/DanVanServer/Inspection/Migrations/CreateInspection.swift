import Fluent

/// Inspections and supervisions of mass mobilisation work: who inspected whom, under which
/// decision, what was found, and what the inspected units must fix by when; each requirement
/// followed to its remedy (`requirement_events`) until the inspecting unit accepts or closes it.
struct CreateInspection: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("inspections")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("decision_number", .string)
            .field("decision_date", .string)
            .field("team", .string, .required)
            .field("period_from", .string)
            .field("period_to", .string)
            .field("contents", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("conclusion_number", .string)
            .field("concluded_on", .string)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("inspections_unit_idx", on: "inspections", columns: ["unit_id", "starts_on"], in: database)
        try await database.schema("inspection_subjects")
            .field("inspection_id", .int, .required, .references("inspections", .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", .id))
            .unique(on: "inspection_id", "unit_id")
            .create()
        try await SQLIndex.create("inspection_subjects_unit_idx", on: "inspection_subjects", columns: ["unit_id"], in: database)
        try await database.schema("inspection_findings")
            .field(.id, .int, .identifier(auto: true))
            .field("inspection_id", .int, .required, .references("inspections", .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("type", .string, .required)
            .field("text", .string, .required)
            .field("severity", .string)
            .field("criterion", .string)
            .field("position", .int, .required)
            .create()
        try await database.schema("inspection_requirements")
            .field(.id, .int, .identifier(auto: true))
            .field("inspection_id", .int, .required, .references("inspections", .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("text", .string, .required)
            .field("due_on", .string, .required)
            .field("state", .string, .required)
            .field("fixed_on", .string)
            .field("closed_on", .string)
            .field("close_reason", .string)
            .field("position", .int, .required)
            .field("version", .int, .required)
            .create()
        try await SQLIndex.create("inspection_requirements_unit_idx", on: "inspection_requirements", columns: ["unit_id", "state", "due_on"], in: database)
        try await database.schema("requirement_events")
            .field(.id, .int, .identifier(auto: true))
            .field("requirement_id", .int, .required, .references("inspection_requirements", .id, onDelete: .cascade))
            .field("action", .string, .required)
            .field("on_date", .string, .required)
            .field("text", .string, .required)
            .field("actor_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["requirement_events", "inspection_requirements", "inspection_findings", "inspection_subjects", "inspections"] {
            try await database.schema(table).delete()
        }
    }
}
