import Fluent

/// For each unit with children, period, indicator and stage counted (approved; submitted or
/// approved): the sums of its direct children's own figures. Refreshed from report_values in
/// the transaction that changes them, so a national roll-up reads tens of thousands of rows
/// instead of millions.
struct CreateReportChildSum: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_child_sums")
            .field("parent_id", .int, .required, .references("units", .id))
            .field("year", .int, .required)
            .field("end_month", .int, .required)
            .field("indicator_id", .int, .required, .references("indicators", .id))
            .field("stage", .int, .required)
            .field("numerator", .int, .required)
            .field("denominator", .int, .required)
            .field("reporting", .int, .required)
            .field("meeting", .int, .required)
            .unique(on: "year", "end_month", "parent_id", "indicator_id", "stage")
            .create()
        // A unit's trend reads one indicator through the year for the parents below it.
        try await SQLIndex.create("report_child_sums_parent_idx", on: "report_child_sums",
                                  columns: ["parent_id", "indicator_id", "year"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_child_sums").delete()
    }
}
