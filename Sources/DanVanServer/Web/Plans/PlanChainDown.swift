import DanVanCore
import Fluent

/// The units directly below a plan's unit that have no plan implementing it yet, and which
/// of them the user may start one for.
struct PlanChainDown: Encodable {
    struct Unit: Encodable {
        let code: String
        let name: String
        let href: String
        let canDerive: Bool
    }

    let missing: [Unit]
    let deriveHref: String

    /// Bodies that serve the unit itself (its standing board, its Ban Dân vận, its office)
    /// carry out its plan rather than write their own.
    private static let partsOfTheIssuer: Set<UnitKind> = [.partyStandingBoard, .massMobilizationBoard, .stateOffice]

    static func query(_ plan: Plan, lower: [Plan], for user: User, on db: any Database) async throws -> PlanChainDown {
        let day = CivilDate(year: plan.year, month: 6, day: 30)
        let covered = Set(lower.map(\.unitID))
        let children = try await UnitQueries.children(of: plan.unitID, on: db)
            .filter { unit in !covered.contains(unit.requireID) && (day.map { unit.isActive(on: $0) } ?? true) }
            .filter { !partsOfTheIssuer.contains($0.unitKind) }
        var missing: [Unit] = []
        for child in children {
            let canDerive = try await Authorizer.allows(user, .editPlans, on: child, db: db)
            missing.append(Unit(code: child.code, name: child.name, href: SiteRoute.unit(child.code).path, canDerive: canDerive))
        }
        return PlanChainDown(missing: missing, deriveHref: SiteRoute.planDerive(String(plan.requireID)).path)
    }
}
