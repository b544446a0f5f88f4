import DanVanCore
import Fluent

/// The units directly below a plan's unit that have no plan implementing it yet, and which
/// of them the user may start one for.
struct PlanChainDown: Encodable {
    struct Unit: Encodable {
        let code: String
        let name: String
        let href: String?
        let canDerive: Bool
    }

    let missing: [Unit]
    let deriveHref: String

    /// Bodies that serve the unit itself (its standing board, its Ban Dân vận, its office)
    /// carry out its plan rather than write their own.
    private static let partsOfTheIssuer: Set<UnitKind> = [.partyStandingBoard, .massMobilizationBoard, .stateOffice]

    static func query(_ plan: Plan, children: [OrgUnit], lower: [Plan], for user: User, links: UnitLinks,
                      on db: any Database) async throws -> PlanChainDown {
        let day = CivilDate(year: plan.year, month: 6, day: 30)
        let covered = Set(lower.map(\.unitID))
        let children = children
            .filter { unit in !covered.contains(unit.requireID) && (day.map { unit.isActive(on: $0) } ?? true) }
            .filter { !partsOfTheIssuer.contains($0.unitKind) }
        // Where the children stand follows from where their parent does: one query, not one per child.
        let parent = try await Authorizer.relation(of: user, to: plan.unitID, on: db)
        let missing = children.map { child in
            let relation: UnitRelation = [.own, .descendant].contains(parent) ? .descendant : (child.id == user.unitID ? .own : .unrelated)
            return Unit(code: child.code, name: child.name, href: links.href(child),
                        canDerive: Authorizer.allows(user, .editPlans, relation: relation))
        }
        return PlanChainDown(missing: missing, deriveHref: SiteRoute.planDerive(plan.requireID).path)
    }
}
