import DanVanCore
import DanVanDocuments
import Fluent

/// Everything a unit's review report for a period is written from, read as its dashboard reads
/// it: the same cached roll-up, the same targets, the same completeness.
enum ReviewReportQuery {
    static func load(unit: OrgUnit, period: ReportPeriod, includeSubmitted: Bool, today: CivilDate,
                     rollups: GenerationCache<RollupResult>, on db: any Database) async throws -> ReviewReportExport {
        let rollup = try await RollupQuery.cached(rootID: unit.requireID, period: period, includeSubmitted: includeSubmitted, in: rollups, on: db)
        // A committee's plans include those its standing board, board or office issues in its name.
        let issuers = [unit.requireID] + (try await UnitQueries.children(of: unit.requireID, on: db)).filter(\.unitKind.issuesForParent).map(\.requireID)
        let plans = try await Plan.query(on: db).filter(\.$unitID ~~ issuers).filter(\.$year == period.year).sort(\.$id).all()
        let plan = plans.first { $0.status != .draft } ?? plans.first
        // The review counts every report owed in its months, not only those of its last month.
        let completeness = try await CompletenessQuery.load(rootID: unit.requireID, across: period, today: today, on: db)
        let parent = try await unit.parentID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        let header = try await OfficialHeaderQuery.header(unitID: unit.requireID, number: nil, type: "BC", place: plan?.place, issuedOn: nil,
                                                          year: period.year, on: db)
        // One reading of the register, as of the period's end like the dashboard, for the targets and the section.
        let models = try await ModelSummaryQuery.load(unit: unit, year: period.year, today: period.lastDay, on: db)
        var export = ReviewReportExport(
            header: header, unitName: unit.officialBody.printedName,
            period: period, planReference: plan.map(reference), includesSubmitted: includeSubmitted,
            targets: try await ReviewTargetsQuery.load(unit: unit, year: period.year, rollup: rollup, models: models, on: db),
            tasks: try await ReviewTasksQuery.load(plans: plans, period: period, today: today, on: db),
            reporting: reporting(completeness),
            recipients: (parent.map { ["\($0.officialBody.printedName) (b/c)"] } ?? []) + ["Lưu"],
            signature: plan.flatMap(PlanExportQuery.signature))
        if models.registered > 0 || models.lastYear > 0 { export.models = models.reviewFigures }
        export.classification = try await ClassificationReview.figures(unit: unit, year: period.year, on: db)
        export.trainingInspection = try await TrainingInspectionReview.figures(unit: unit, year: period.year, asOf: period.lastDay, on: db)
        return export
    }

    /// "Kế hoạch số 159-KH/HU ngày 16/01/2023".
    private static func reference(_ plan: Plan) -> String {
        let date = plan.issuedOn.flatMap(CivilDate.init(parsing:)).map { " ngày \($0.vietnamese)" } ?? ""
        return DocumentNames.planReference(plan) + date
    }

    private static func reporting(_ result: CompletenessQuery.Result) -> ReviewReportExport.Reporting {
        ReviewReportExport.Reporting(total: result.total, children: result.children.map { .init(name: $0.name, counts: $0.counts) },
                                     missing: result.missing.map(\.name), missingNotNamed: 0)
    }
}
