import DanVanCore

/// The unit tree as nested <details> elements: expands and collapses with no JavaScript,
/// and stays small on a phone because only the first levels are sent.
struct UnitTreeHTML {
    let units: [OrgUnit]
    /// How many children each unit at the cut-off depth has, for "n đơn vị trực thuộc".
    let hiddenChildCounts: [Int: Int]
    let today: CivilDate

    /// One list per system (party, state, Front and unions), as the trees stand side by side.
    func render(roots: [OrgUnit]) -> HTML {
        let byParent = Dictionary(grouping: units.filter { $0.parentID != nil }, by: { $0.parentID ?? 0 })
            .mapValues { $0.sortedForDisplay(on: today) }
        let bySystem = Dictionary(grouping: roots, by: \.unitKind.system)
        return .joined(UnitSystem.allCases.compactMap { system -> HTML? in
            guard let group = bySystem[system] else { return nil }
            return (bySystem.count > 1 ? el("h2", ["class": "tree-system"]) { system.label } : .empty)
                + el("ul", ["class": "tree"]) { for unit in group.sortedForDisplay(on: today) { node(unit, byParent: byParent, depth: 0) } }
        })
    }

    private func node(_ unit: OrgUnit, byParent: [Int: [OrgUnit]], depth: Int) -> HTML {
        let children = byParent[unit.requireID] ?? []
        if children.isEmpty {
            return el("li", ["class": "leaf"]) {
                summary(unit)
                if let hidden = hiddenChildCounts[unit.requireID] {
                    " "
                    el("a", ["class": "more", "href": SiteRoute.unit(unit.code).path]) { "\(hidden) đơn vị trực thuộc" }
                }
            }
        }
        return el("li") {
            el("details", ["open": depth < 1 ? "" : nil]) {
                el("summary") {
                    summary(unit)
                    " "
                    el("span", ["class": "count"]) { "(\(children.count))" }
                }
                el("ul") { for child in children { node(child, byParent: byParent, depth: depth + 1) } }
            }
        }
    }

    private func summary(_ unit: OrgUnit) -> HTML {
        let active = unit.isActive(on: today)
        return el("a", ["class": active ? nil : "inactive", "href": SiteRoute.unit(unit.code).path]) { unit.name }
            + .text(" ") + el("span", ["class": "meta"]) { "\(unit.code) · \(unit.unitKind.label)" }
            + (active ? .empty : .text(" ") + el("span", ["class": "ended"]) {
                "đã kết thúc" + (unit.validTo.flatMap(CivilDate.init(parsing:)).map { " " + $0.vietnamese } ?? "")
            })
    }
}
