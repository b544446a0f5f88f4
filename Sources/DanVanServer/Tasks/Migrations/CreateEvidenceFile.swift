import Fluent

/// A file attached to a task update, kept under the data folder by a generated name.
/// Databases made before this migration existed got the table from CreateTaskUpdate, so the
/// table and its index are created only when missing.
struct CreateEvidenceFile: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("evidence_files")
            .field(.id, .int, .identifier(auto: true))
            .field("update_id", .int, .required, .references("task_updates", .id, onDelete: .cascade))
            .field("stored_name", .string, .required)
            .field("original_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .ignoreExisting()
            .create()
        try await SQLIndex.create("evidence_files_update_idx", on: "evidence_files", columns: ["update_id"], ifMissing: true, in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("evidence_files").delete()
    }
}
