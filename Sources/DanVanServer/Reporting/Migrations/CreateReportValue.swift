import Fluent

/// The figures of a report, one row per indicator. Unit, period and stage are copied from the
/// report so that a roll-up reads this table alone.
struct CreateReportValue: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportValue.table)
            .field("report_id", .int, .required, .references(Report.schema, .id, onDelete: .cascade))
            .field("unit_id", .int, .required, .references(OrgUnit.schema, .id))
            .field("year", .int, .required)
            .field("end_month", .int, .required)
            .field("indicator_id", .int, .required, .references(Indicator.schema, .id))
            .field("numerator", .int)
            .field("denominator", .int)
            .field("comment", .string, .required)
            .field("stage", .int, .required)
            .unique(on: "report_id", "indicator_id")
            .create()
        try await SQLIndex.create("report_values_period_idx", on: ReportValue.table,
                                  columns: ["year", "end_month", "unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportValue.table).delete()
    }
}
