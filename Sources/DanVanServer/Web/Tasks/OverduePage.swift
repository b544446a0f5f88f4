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
    }

    let unitName: String
    let counts: [UnitCount]
    let totals: UnitCount
    let overdue: [TaskQueries.Line]

    static func query(for user: User, today: CivilDate, on db: any Database) async throws -> OverduePage {
        guard let unitID = user.unitID, let unit = try await OrgUnit.find(unitID, on: db) else {
            throw AppError.forbidden
        }
        let lines = try await TaskQueries.lines(forUnits: try await TaskQueries.subtreeIDs(of: unitID, on: db), today: today, on: db)
        let byLead = Dictionary(grouping: lines, by: \.lead)
        let counts = byLead.keys.sorted().map { count(byLead[$0] ?? [], name: $0) }
        return OverduePage(unitName: unit.name, counts: counts, totals: count(lines, name: "Cộng"),
                           overdue: lines.filter { $0.timeliness == Timeliness.overdue.rawValue })
    }

    private static func count(_ lines: [TaskQueries.Line], name: String) -> UnitCount {
        func number(_ timeliness: Timeliness) -> Int { lines.filter { $0.timeliness == timeliness.rawValue }.count }
        return UnitCount(name: name, onTime: number(.doneOnTime), late: number(.doneLate), overdue: number(.overdue), inTime: number(.inTime))
    }
}
