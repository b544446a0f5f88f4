import DanVanCore
import Fluent

/// A manager's view of the tasks led within their subtree, counted as government task tracking
/// counts them (done on time, done late, overdue, in time), by lead unit, with the overdue ones
/// listed to chase.
struct OverduePage: Encodable {
    struct UnitCount: Encodable {
        let name: String
        let onTime: Int
        let late: Int
        let overdue: Int
        let inTime: Int

        init(_ name: String, _ counts: [Timeliness: Int]) {
            self.name = name
            onTime = counts[.doneOnTime] ?? 0
            late = counts[.doneLate] ?? 0
            overdue = counts[.overdue] ?? 0
            inTime = counts[.inTime] ?? 0
        }
    }

    let unitName: String
    let counts: [UnitCount]
    let totals: UnitCount
    let overdue: [TaskQueries.Line]
    /// Set when more are overdue than the list shows.
    let moreOverdue: Int?

    static let listLimit = 500

    static func query(within unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> OverduePage {
        let unitID = unit.requireID
        let byLead = try await TaskQueries.timelinessCounts(.ledWithin(unitID), today: today, on: db)
        let totals = byLead.values.reduce(into: [Timeliness: Int]()) { sum, counts in counts.forEach { sum[$0.key, default: 0] += $0.value } }
        let overdue = try await TaskQueries.lines(.ledWithin(unitID), overdueOnly: true, today: today, limit: listLimit, on: db)
        let overdueCount = totals[.overdue] ?? 0
        return OverduePage(unitName: unit.name, counts: byLead.keys.sorted().map { UnitCount($0, byLead[$0] ?? [:]) },
                           totals: UnitCount("Cộng", totals), overdue: overdue,
                           moreOverdue: overdueCount > overdue.count ? overdueCount - overdue.count : nil)
    }
}
