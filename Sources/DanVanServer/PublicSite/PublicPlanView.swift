import DanVanCore
import Fluent
import Foundation

/// An issued plan as the public reads it: its title, date, targets and tasks as written.
struct PublicPlanView: Sendable {
    struct Task: Sendable {
        let text: String
        let when: String?
    }

    let id: Int
    let unitCode: String
    let unitName: String
    let title: String
    let issuedOn: String?
    let targets: [String]
    let tasks: [Task]

    /// The plan when it is an issued plan of this unit; nil otherwise (drafts never go out).
    static func load(_ id: Int, of unit: OrgUnit, on db: any Database) async throws -> (PublicPlanView, Plan)? {
        guard let plan = try await Plan.find(id, on: db), plan.unitID == unit.requireID, plan.status == .issued else { return nil }
        let targets = try await PlanTargetRecord.query(on: db).filter(\.$planID == id).sort(\.$position).all().map(\.text)
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == id).sort(\.$position).all().map { task in
            Task(text: task.text, when: task.timingRaw.trimmingCharacters(in: .whitespaces).isEmpty ? nil : task.timingRaw)
        }
        let view = PublicPlanView(id: id, unitCode: unit.code, unitName: unit.name, title: PublicUnitView.planTitle(plan),
                                  issuedOn: plan.issuedOn.flatMap(CivilDate.init(parsing:))?.vietnamese, targets: targets, tasks: tasks)
        return (view, plan)
    }
}
