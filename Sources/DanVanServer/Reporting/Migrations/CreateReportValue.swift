import Fluent

/// The figures of a report, one row per indicator. Unit, period and stage are copied from the
/// report so that a roll-up reads this table alone.
struct CreateReportValue: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_values")
            .field("report_id", .int, .required, .references("reports", .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references("units", .id))
            .field("year", .int, .required)
            .field("end_month", .int, .required)
            .field("indicator_id", .int, .required, .references("indicators", .id))
            .field("numerator", .int)
            .field("denominator", .int)
            .field("comment", .string, .required)
            .field("stage", .int, .required)
            .unique(on: "report_id", "indicator_id")
            .create()
        try await SQLIndex.create("report_values_period_idx", on: "report_values",
                                  columns: ["year", "end_month", "unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_values").delete()
    }
}
