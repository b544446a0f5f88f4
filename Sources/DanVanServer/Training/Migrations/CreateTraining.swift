import DanVanCore
import Fluent
import SQLKit

/// The people training targets count, and the courses they attend. A person keeps one identity
/// when moving between units (`person_units` holds the history) and is counted where they are on
/// the counting date. Personal data is kept to what the count needs: no ID number, no birth date.
struct CreateTraining: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("person_categories")
            .field("key", .string, .identifier(auto: false))
            .field("label", .string, .required)
            .field("in_training_target", .bool, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema("training_topics")
            .field("key", .string, .identifier(auto: false))
            .field("label", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema("people")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("full_name", .string, .required)
            .field("position", .string, .required)
            .field("category", .string, .required, .references("person_categories", "key"))
            .field("in_charge", .bool, .required)
            .field("active_from", .string)
            .field("active_to", .string)
            .field("search", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("people_unit_idx", on: "people", columns: ["unit_id"], in: database)
        try await database.schema("person_units")
            .field(.id, .int, .identifier(auto: true))
            .field("person_id", .int, .required, .references("people", .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("from_on", .string, .required)
            .field("to_on", .string)
            .create()
        try await SQLIndex.create("person_units_unit_idx", on: "person_units", columns: ["unit_id", "person_id"], in: database)
        try await SQLIndex.create("person_units_person_idx", on: "person_units", columns: ["person_id"], in: database)
        try await database.schema("training_courses")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("title", .string, .required)
            .field("co_organisers", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("place", .string, .required)
            .field("form", .string, .required)
            .field("topics", .string, .required)
            .field("audience", .string, .required)
            .field("seats_per_unit", .int)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("training_courses_unit_idx", on: "training_courses", columns: ["unit_id", "starts_on"], in: database)
        try await database.schema("course_attendances")
            .field(.id, .int, .identifier(auto: true))
            .field("course_id", .int, .required, .references("training_courses", .id, onDelete: .cascade))
            .field("person_id", .int, .required, .references("people", .id))
            .field("days", .double, .required)
            .field("certificate", .string)
            .unique(on: "course_id", "person_id")
            .create()
        try await SQLIndex.create("course_attendances_person_idx", on: "course_attendances", columns: ["person_id", "course_id"], in: database)
        let sql = try UnitClosure.sqlDatabase(database)
        for (index, category) in PersonCategory.shipped.enumerated() {
            try await sql.insert(into: "person_categories").columns("key", "label", "in_training_target", "position")
                .values(SQLBind(category.key), SQLBind(category.label), SQLBind(category.inTrainingTarget), SQLBind(index)).run()
        }
        for (index, topic) in TrainingTopic.shipped.enumerated() {
            try await sql.insert(into: "training_topics").columns("key", "label", "position")
                .values(SQLBind(topic.key), SQLBind(topic.label), SQLBind(index)).run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["course_attendances", "training_courses", "person_units", "people", "training_topics", "person_categories"] {
            try await database.schema(table).delete()
        }
    }
}
