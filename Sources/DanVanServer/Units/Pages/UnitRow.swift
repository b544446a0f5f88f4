import DanVanCore

/// A unit as a line in a list.
struct UnitRow: Encodable {
    let code: String
    let name: String
    let kindLabel: String
    let levelLabel: String
    let href: String
    let active: Bool
    let endedOn: String?

    init(_ unit: OrgUnit, today: CivilDate = Today.date) {
        code = unit.code
        name = unit.name
        kindLabel = unit.unitKind.label
        levelLabel = unit.unitLevel.label
        href = SiteRoute.unit(unit.code).path
        active = unit.isActive(on: today)
        endedOn = unit.validTo.flatMap(CivilDate.init(parsing:))?.vietnamese
    }
}
