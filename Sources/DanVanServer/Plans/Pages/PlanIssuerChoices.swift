import DanVanCore
import Fluent

/// The units a reviewer may store an imported plan for, as a picker: their own unit and the
/// units below it (two levels), and ended units whose successor is among them, so that a
/// predecessor's plan (a 2024 commune plan after the merger) can be filed by the new unit.
/// Nil when the list would be too long for a phone: the page then asks for the unit's code.
enum PlanIssuerChoices {
    static let limit = 300

    static func options(for user: User, selected code: String, on db: any Database) async throws -> [SelectOption]? {
        let units: [OrgUnit]
        if user.userRole == .admin {
            units = try await OrgUnit.query(on: db).limit(limit + 1).all()
        } else {
            guard let own = user.unitID else { return nil }
            let active = try await UnitQueries.subtree(of: [own], maxDepth: 2, on: db)
            let predecessorIDs = try await UnitSuccessor.query(on: db).filter(\.$successorID ~~ active.map(\.requireID)).all().map(\.unitID)
            let predecessors = predecessorIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ predecessorIDs).all()
            units = active + predecessors
        }
        guard units.count <= limit else { return nil }
        var seen = Set<Int>()
        let options = units.filter { seen.insert($0.requireID).inserted }.sortedForDisplay().map { unit in
            SelectOption(value: unit.code, label: label(unit), selected: unit.code == code)
        }
        let none = SelectOption(value: "", label: "— chọn đơn vị ban hành —", selected: !options.contains { $0.selected })
        return [none] + options
    }

    private static func label(_ unit: OrgUnit) -> String {
        guard let to = unit.validTo.flatMap(CivilDate.init(parsing:)) else { return unit.name }
        return "\(unit.name) (đến \(to.vietnamese))"
    }
}
