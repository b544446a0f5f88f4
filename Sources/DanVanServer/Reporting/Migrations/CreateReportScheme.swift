import Fluent

/// A plan's reporting duty: how often the units of a subtree report its indicators, and how
/// many days after a period ends its reports are due.
struct CreateReportScheme: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("report_schemes")
            .field(.id, .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("plans", .id, onDelete: .cascade))
            .field("scope_unit_id", .int, .required, .references("units", .id))
            .field("frequency", .string, .required)
            .field("deadline_days", .int, .required)
            .field("close_days", .int, .required)
            .field("jump_share", .double, .required)
            .field("version", .int, .required)
            .unique(on: "plan_id")
            .create()
        try await SQLIndex.create("report_schemes_scope_idx", on: "report_schemes", columns: ["scope_unit_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("report_schemes").delete()
    }
}
