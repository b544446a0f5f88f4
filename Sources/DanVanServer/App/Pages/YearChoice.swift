import DanVanCore
import Fluent

/// The "Năm" selector of a page about a year's work (reports, tasks, plans, dashboards): the
/// years the unit existed in and DanVan holds work for, the current one first by default. A
/// plain GET form, so it works without script and keeps the page's other parameters.
struct YearChoice: Encodable {
    struct Hidden: Encodable {
        let name: String
        let value: String
    }

    let action: String
    let hidden: [Hidden]
    let options: [SelectOption]

    /// The year asked for, or the current year; a year outside `years` is brought inside.
    static func requested(_ raw: String?, within years: ClosedRange<Int>, today: CivilDate) -> Int {
        let asked = raw.flatMap { Int($0) } ?? today.year
        return min(max(asked, years.lowerBound), years.upperBound)
    }

    /// From the first year DanVan holds a plan for (or the unit began) to the current year, within the unit's life.
    static func years(for unit: OrgUnit?, today: CivilDate, on db: any Database) async throws -> ClosedRange<Int> {
        let firstPlan = try await Plan.query(on: db).sort(\.$year).first()?.year ?? today.year
        var lower = min(firstPlan, today.year)
        var upper = today.year
        if let from = unit?.validFrom.flatMap(CivilDate.init(parsing:)) { lower = max(lower, from.year) }
        if let to = unit?.validTo.flatMap(CivilDate.init(parsing:)) { upper = min(upper, to.year) }
        return lower <= upper ? lower...upper : upper...upper
    }

    static func make(action: String, selected: Int, years: ClosedRange<Int>, keeping: [String: String] = [:]) -> YearChoice {
        YearChoice(action: action, hidden: keeping.sorted { $0.key < $1.key }.map { Hidden(name: $0.key, value: $0.value) },
                   options: years.reversed().map { SelectOption(value: String($0), label: "Năm \($0)", selected: $0 == selected) })
    }
}
