import DanVanCore
import Fluent

/// The coverage check of a stored plan against the plan it implements.
enum PlanCoverage {
    struct Report: Encodable {
        let plan: PlanSummary
        let implements: PlanSummary?
        let missingTargets: [CoverageCheck.Finding]
        let weakerTargets: [CoverageCheck.Finding]
        let missingTasks: [CoverageCheck.Finding]
    }

    struct PlanSummary: Encodable {
        let id: Int
        let number: String?
        let unitCode: String
        let year: Int
    }

    static func report(for plan: Plan, on db: any Database) async throws -> Report {
        let summary = try await self.summary(plan, on: db)
        guard let upperID = plan.implementsPlanID, let upper = try await Plan.find(upperID, on: db) else {
            return Report(plan: summary, implements: nil, missingTargets: [], weakerTargets: [], missingTasks: [])
        }
        let result = CoverageCheck.check(upperTargets: try await targets(of: upperID, on: db), targets: try await targets(of: plan.requireID, on: db),
                                         upperTasks: try await tasks(of: upperID, upper: true, on: db),
                                         tasks: try await tasks(of: plan.requireID, upper: false, on: db))
        return Report(plan: summary, implements: try await self.summary(upper, on: db), missingTargets: result.missingTargets,
                      weakerTargets: result.weakerTargets, missingTasks: result.missingTasks)
    }

    static func fallsToLowerLevel(_ task: PlanTaskRecord) -> Bool {
        TaskAddressee.fallsToLowerLevel(leadNames: PlanPartsWriter.names(task.leadNames),
                                        coordinatingNames: PlanPartsWriter.names(task.coordinatingNames))
    }

    private static func targets(of planID: Int, on db: any Database) async throws -> [CoverageCheck.Target] {
        try await PlanTargetRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all().map {
            CoverageCheck.Target(id: $0.requireID, text: $0.text, threshold: $0.threshold, parentID: $0.parentTargetID)
        }
    }

    private static func tasks(of planID: Int, upper: Bool, on db: any Database) async throws -> [CoverageCheck.Task] {
        try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all().map {
            CoverageCheck.Task(id: $0.requireID, text: $0.text, parentID: $0.parentTaskID, fallsToLowerLevel: upper && fallsToLowerLevel($0))
        }
    }

    private static func summary(_ plan: Plan, on db: any Database) async throws -> PlanSummary {
        let code = try await OrgUnit.find(plan.unitID, on: db)?.code ?? ""
        return PlanSummary(id: plan.requireID, number: plan.numberNormalized, unitCode: code, year: plan.year)
    }
}
