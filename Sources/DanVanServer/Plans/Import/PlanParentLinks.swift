import DanVanCore
import Fluent

/// The upper plan's items an imported plan's targets and tasks answer to, by shared words.
struct PlanParentLinks {
    var targets: [Int?] = []
    var tasks: [Int?] = []

    static func find(for document: PlanDocument, upperPlanID: Int?, on db: any Database) async throws -> PlanParentLinks {
        guard let upperPlanID else { return PlanParentLinks() }
        let upperTargets = try await PlanTargetRecord.query(on: db).filter(\.$planID == upperPlanID).sort(\.$position).all()
        let upperTasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == upperPlanID).sort(\.$position).all()
        let targetParents = ParentMatcher.parents(of: document.targets.map(\.text), among: upperTargets.map(\.text))
        let taskParents = ParentMatcher.parents(of: document.tasks.map(\.text), among: upperTasks.map(\.text))
        return PlanParentLinks(targets: targetParents.map { $0.map { upperTargets[$0].requireID } },
                               tasks: taskParents.map { $0.map { upperTasks[$0].requireID } })
    }
}
