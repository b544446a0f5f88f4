import Fluent

/// A target may ask for a grade ("loại Tốt", "từ Khá trở lên") rather than a figure, or qualify
/// its share with one ("trên 90% … đạt từ khá trở lên"): the grade is kept for classification
/// results to evaluate.
struct AddPlanTargetLevel: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_targets").field("level", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_targets").deleteField("level").update()
    }
}
