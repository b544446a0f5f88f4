import DanVanCore
import Fluent

/// The units a plan's task may be given to for coordination: the units of the plan's place, in
/// every tree (the Front and the unions coordinate with the party committee of their commune),
/// and the units directly below the plan's unit, active in the plan's year.
enum TaskAddressees {
    static func coordinatorChoices(for plan: Plan, on db: any Database) async throws -> [OrgUnit] {
        let place = VietnameseFolding.fold(TaskAssignment.placeName(of: try await OrgUnit.find(plan.unitID, on: db)?.name ?? ""))
        let ofPlace = place.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$searchText, .custom("LIKE"), "%\(place)%").all()
        let below = try await UnitQueries.subtree(of: [plan.unitID], maxDepth: 1, on: db)
        let day = CivilDate(year: plan.year, month: 6, day: 30)
        return Dictionary((ofPlace + below).map { ($0.requireID, $0) }, uniquingKeysWith: { first, _ in first }).values
            .filter { unit in day.map { unit.isActive(on: $0) } ?? true }
            .sorted { $0.name < $1.name }
    }
}
