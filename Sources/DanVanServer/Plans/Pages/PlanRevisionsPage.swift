import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The kept revisions of an issued plan, each compared with the plan as it is now.
struct PlanRevisionsPage: Encodable {
    struct Revision: Encodable {
        let number: Int
        let at: String
        let who: String
        let changes: [PlanRevisions.Change]
    }

    let plan: PlanRow
    let planHref: String
    let current: Int
    let revisions: [Revision]

    static func query(_ plan: Plan, on db: any Database) async throws -> PlanRevisionsPage {
        let rows = try await UnitClosure.sqlDatabase(db).select().columns("revision", "content_json", "user_name", "at").from("plan_revisions")
            .where("plan_id", .equal, plan.requireID).orderBy("revision", .descending).all()
        let now = try await PlanRevisions.content(of: plan.requireID, on: db)
        let revisions = try rows.map { row in
            let old = try JSONDecoder().decode(PlanRevisions.Content.self, from: Data(try row.decode(column: "content_json", as: String.self).utf8))
            return Revision(number: try row.decode(column: "revision", as: Int.self), at: TaskTone.format(try row.decode(column: "at", as: Date.self)),
                            who: try row.decode(column: "user_name", as: String.self), changes: PlanRevisions.changes(from: old, to: now))
        }
        let unitName = try await OrgUnit.find(plan.unitID, on: db)?.name ?? ""
        return PlanRevisionsPage(plan: PlanRow(plan, unitName: unitName), planHref: SiteRoute.plan(plan.requireID).path,
                                 current: plan.revision, revisions: revisions)
    }
}
