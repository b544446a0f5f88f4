import DanVanCore
import DanVanDocuments
import Fluent

/// The training and inspection paragraph of a unit's review report for a year: what its subtree
/// trained (people counted once, on the year's counting date) and inspected, requirements as
/// they stood at the period's end; nil when there was neither.
enum TrainingInspectionReview {
    static func figures(unit: OrgUnit, year: Int, asOf day: CivilDate, on db: any Database) async throws -> ReviewTrainingInspectionFigures? {
        let training = try await TrainingSummary.load(rootID: unit.requireID, year: year, on: db)
        let inspection = try await InspectionQueries.summary(of: unit.requireID, year: year, today: day, on: db)
        let trained: ReviewTrainingInspectionFigures.Training? = training.courses == 0 && training.distinctTrained == 0 ? nil : .init(
            courses: training.courses, attendances: training.attendances, distinctTrained: training.distinctTrained,
            categories: [.init(label: "Cán bộ lãnh đạo, công chức phụ trách công tác dân vận", trained: training.target.trained, inScope: training.target.inScope)]
                + training.byCategory.map { .init(label: $0.label, trained: $0.share.trained, inScope: $0.share.inScope) })
        let held = inspection.byKind.values.reduce(0, +) + inspection.planned
        let inspected: ReviewTrainingInspectionFigures.Inspection? = held == 0 ? nil : .init(
            held: InspectionKind.allCases.map { .init($0.label, inspection.byKind[$0] ?? 0) }, planned: inspection.planned,
            unitsInspected: inspection.unitsInspected, findings: FindingType.allCases.map { .init(shortWord($0), inspection.findings[$0] ?? 0) },
            requirements: inspection.requirements, closedWithReason: inspection.closedWithReason)
        guard trained != nil || inspected != nil else { return nil }
        return ReviewTrainingInspectionFigures(training: trained, inspection: inspected)
    }

    private static func shortWord(_ type: FindingType) -> String {
        switch type {
        case .strength: "ưu điểm"
        case .shortcoming: "hạn chế"
        case .violation: "vi phạm"
        }
    }
}
