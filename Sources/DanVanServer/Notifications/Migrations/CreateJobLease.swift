import Fluent

/// Who runs the periodic jobs, when several servers share one database: the holder whose
/// lease has not expired. `done_on` keeps the last day a daily job finished.
struct CreateJobLease: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("job_leases")
            .field(.id, .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("holder", .string, .required)
            .field("expires_at", .double, .required)
            .field("done_on", .string)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_leases").delete()
    }
}
