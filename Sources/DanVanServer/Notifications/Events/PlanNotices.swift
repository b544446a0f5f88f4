import DanVanCore
import Fluent
import SQLKit

/// The notices of an issued plan: to the managers of the units directly below, which must
/// make their own plans to implement it, and to the managers of the unit above, which follows it.
enum PlanNotices {
    static func issued(_ plan: Plan, on tx: any Database) async throws {
        guard let unit = try await OrgUnit.find(plan.unitID, on: tx) else { return }
        let title = "\(DocumentType.planName(plan.documentType)) số \(plan.numberNormalized ?? "(chưa số)") năm \(plan.year)"
        let day = plan.issuedOn ?? "\(plan.year)-06-30"
        let children = try await UnitClosure.sqlDatabase(tx).raw("""
            SELECT id FROM units WHERE parent_id = \(bind: unit.requireID)
              AND (valid_to IS NULL OR valid_to >= \(bind: day))
            """).all().map { try $0.decode(column: "id", as: Int.self) }
        let link = SiteRoute.plan(plan.requireID).path
        let facts: [NotificationFact] = [.unit(unit.name), .plan(title)]
        try await NotificationWriter.notify(NotificationEvent(.planSentDown, unitID: unit.requireID, facts: facts, link: link,
                                                              key: "plan.sent_down:\(plan.requireID)"),
                                            to: .managersOf(children), on: tx)
        if let parent = unit.parentID {
            try await NotificationWriter.notify(NotificationEvent(.planIssuedBelow, unitID: unit.requireID, facts: facts, link: link,
                                                                  key: "plan.issued_below:\(plan.requireID)"),
                                                to: .managersOf([parent]), on: tx)
        }
    }
}
