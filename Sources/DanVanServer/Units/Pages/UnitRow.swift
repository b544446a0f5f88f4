import DanVanCore

/// A unit as a line in a list.
struct UnitRow: Encodable {
    let code: String
    let name: String
    let kindLabel: String
    let levelLabel: String
    /// nil when the reader may not open the unit: the name is shown without a link.
    let href: String?
    let active: Bool
    let endedOn: String?

    init(_ unit: OrgUnit, today: CivilDate = Today.date, href: String?) {
        code = unit.code
        name = unit.name
        kindLabel = unit.unitKind.label
        levelLabel = unit.unitLevel.label
        self.href = href
        active = unit.isActive(on: today)
        endedOn = unit.validTo.flatMap(CivilDate.init(parsing:))?.vietnamese
    }
}
