import DanVanCore

/// The unit tree as nested <details> elements: expands and collapses with no JavaScript,
/// and stays small on a phone because only the first levels are sent.
struct UnitTreeHTML {
    let units: [OrgUnit]
    /// How many children each unit at the cut-off depth has, for "n đơn vị trực thuộc".
    let hiddenChildCounts: [Int: Int]
    let today: CivilDate

    /// One list per system (party, state, Front and unions), as the trees stand side by side.
    func render(roots: [OrgUnit]) -> String {
        let byParent = Dictionary(grouping: units.filter { $0.parentID != nil }, by: { $0.parentID ?? 0 })
            .mapValues { $0.sortedForDisplay(on: today) }
        let bySystem = Dictionary(grouping: roots, by: \.unitKind.system)
        return UnitSystem.allCases.compactMap { system -> String? in
            guard let group = bySystem[system] else { return nil }
            let items = group.sortedForDisplay(on: today).map { node($0, byParent: byParent, depth: 0) }.joined()
            let heading = bySystem.count > 1 ? "<h2 class=\"tree-system\">\(system.label)</h2>" : ""
            return heading + "<ul class=\"tree\">" + items + "</ul>"
        }.joined()
    }

    private func node(_ unit: OrgUnit, byParent: [Int: [OrgUnit]], depth: Int) -> String {
        let children = byParent[unit.requireID] ?? []
        let label = summary(unit)
        if children.isEmpty {
            let hidden = hiddenChildCounts[unit.requireID].map { " <a class=\"more\" href=\"\(SiteRoute.unit(unit.code).path)\">\($0) đơn vị trực thuộc</a>" } ?? ""
            return "<li class=\"leaf\">\(label)\(hidden)</li>"
        }
        let open = depth < 1 ? " open" : ""
        let inner = children.map { node($0, byParent: byParent, depth: depth + 1) }.joined()
        return "<li><details\(open)><summary>\(label) <span class=\"count\">(\(children.count))</span></summary><ul>\(inner)</ul></details></li>"
    }

    private func summary(_ unit: OrgUnit) -> String {
        let active = unit.isActive(on: today)
        let ended = active ? "" : " <span class=\"ended\">đã kết thúc\(unit.validTo.flatMap(CivilDate.init(parsing:)).map { " " + $0.vietnamese } ?? "")</span>"
        let cls = active ? "" : " class=\"inactive\""
        return "<a\(cls) href=\"\(SiteRoute.unit(unit.code).path)\">\(HTML.escape(unit.name))</a>"
            + " <span class=\"meta\">\(HTML.escape(unit.code)) · \(unit.unitKind.label)</span>\(ended)"
    }
}
