import DanVanCore
import Fluent

/// "Nhiệm vụ của đơn vị": what the user's unit leads (overdue, due this month, coming up),
/// what it coordinates, and the reminders the level above sent it.
struct MyTasksPage: Encodable {
    struct Reminder: Encodable { let at: String; let who: String; let text: String; let href: String }

    let unitName: String
    let month: String
    let overdue: [TaskQueries.Line]
    let dueThisMonth: [TaskQueries.Line]
    let upcoming: [TaskQueries.Line]
    let coordinating: [TaskQueries.Line]
    let reminders: [Reminder]
    let overdueHref: String?

    static func query(for user: User, today: CivilDate, on db: any Database) async throws -> MyTasksPage {
        guard let unitID = user.unitID, let unit = try await OrgUnit.find(unitID, on: db) else {
            return MyTasksPage(unitName: "", month: "", overdue: [], dueThisMonth: [], upcoming: [], coordinating: [], reminders: [],
                               overdueHref: SiteRoute.tasksOverdue.path)
        }
        let unfinished: Set<String> = [Timeliness.overdue.rawValue, Timeliness.inTime.rawValue]
        let open = try await TaskQueries.lines(.ledBy(unitID), today: today, on: db).filter { unfinished.contains($0.timeliness) }
        let monthPrefix = String(today.description.prefix(7))
        let soon = twoMonthsAfter(today)
        let coordinating = try await TaskQueries.lines(.coordinatedBy(unitID), today: today, on: db)
            .filter { $0.timeliness == Timeliness.overdue.rawValue || ($0.dueOn ?? "").hasPrefix(monthPrefix) }
        return MyTasksPage(
            unitName: unit.name, month: "\(today.month)/\(today.year)",
            overdue: open.filter { $0.timeliness == Timeliness.overdue.rawValue },
            dueThisMonth: open.filter { $0.timeliness == Timeliness.inTime.rawValue && ($0.dueOn ?? "").hasPrefix(monthPrefix) },
            upcoming: open.filter { $0.timeliness == Timeliness.inTime.rawValue && !($0.dueOn ?? "").hasPrefix(monthPrefix) && ($0.dueOn ?? "") <= soon },
            coordinating: coordinating, reminders: try await reminders(leadUnit: unitID, on: db),
            overdueHref: user.userRole == .manager || user.userRole == .admin ? SiteRoute.tasksOverdue.path : nil)
    }

    /// The 28th of the month after next, as "yyyy-MM-dd": the end of "coming up".
    private static func twoMonthsAfter(_ today: CivilDate) -> String {
        let months = today.year * 12 + (today.month - 1) + 2
        return CivilDate(year: months / 12, month: months % 12 + 1, day: 28)?.description ?? ""
    }

    private static func reminders(leadUnit: Int, on db: any Database) async throws -> [Reminder] {
        let taskIDs = try await PlanTaskRecord.query(on: db).filter(\.$leadUnitID == leadUnit).all().map(\.requireID)
        guard !taskIDs.isEmpty else { return [] }
        let occurrences = try await TaskOccurrence.query(on: db).filter(\.$taskID ~~ taskIDs).all().map(\.requireID)
        guard !occurrences.isEmpty else { return [] }
        return try await TaskUpdate.query(on: db).filter(\.$occurrenceID ~~ occurrences).filter(\.$kind == TaskUpdate.reminderKind)
            .sort(\.$at, .descending).limit(10).all().map {
                Reminder(at: TaskTone.format($0.at), who: $0.userName, text: $0.text, href: SiteRoute.occurrence($0.occurrenceID).path)
            }
    }
}
