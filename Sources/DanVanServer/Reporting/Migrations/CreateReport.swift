import Fluent

/// One unit's report for one period. Figures are totals from the start of the year, so a
/// unit has at most one report ending in a given month.
struct CreateReport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reports")
            .field(.id, .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("period", .string, .required)
            .field("year", .int, .required)
            .field("end_month", .int, .required)
            .field("state", .string, .required)
            .field("narrative", .string, .required)
            .field("deadline", .string, .required)
            .field("late", .bool, .required)
            .field("reopened", .bool, .required)
            .field("submitted_at", .datetime)
            .field("submitted_by", .int, .references("users", .id))
            .field("decided_at", .datetime)
            .field("decided_by", .int, .references("users", .id))
            .field("reason", .string)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "unit_id", "year", "end_month")
            .create()
        try await SQLIndex.create("reports_period_idx", on: "reports", columns: ["year", "end_month", "unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reports").delete()
    }
}
