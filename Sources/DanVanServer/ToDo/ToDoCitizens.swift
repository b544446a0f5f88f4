import DanVanCore
import Fluent
import SQLKit

/// Citizens' matters on the to-do page: the open cases the unit must act on (handled there or
/// assigned to it) that are overdue or fall due within a week, most overdue first. The line
/// carries the summary the unit wrote, never a name.
enum ToDoCitizens {
    static let shown = 10

    static func open(for unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> (items: [ToDoItem], total: Int) {
        let horizon = today.adding(days: 7).description
        let rows = try await CitizenCase.query(on: db)
            .group(.or) { $0.filter(\.$unitID == unit.requireID).filter(\.$leadUnitID == unit.requireID) }
            .filter(\.$statusRaw ~~ CaseStatus.allCases.filter(\.isOpen).map(\.rawValue))
            .filter(\.$dueOn <= horizon).sort(\.$dueOn).all()
        let items = rows.prefix(shown).map { record in
            ToDoItem(.citizens, what: "\(record.kind.label) \(record.trackingCode): \(record.subject)", forWhom: unit.name, due: record.due,
                     note: "\(record.status.label); \(record.timeliness(today: today).label.lowercased())",
                     href: SiteRoute.citizenCase(record.requireID).path, urgency: .of(due: record.due, today: today))
        }
        return (Array(items), rows.count)
    }
}
