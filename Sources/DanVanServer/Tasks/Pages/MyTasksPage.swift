import DanVanCore
import Fluent

/// "Nhiệm vụ": what a unit leads in a year. For the current year, what is overdue, due this
/// month and coming up, what it coordinates, and the reminders the level above sent it; for a
/// past year, what was done and what was left undone. Links to each plan's 12-month grid and,
/// for managers, to the deadlines of the units below.
struct MyTasksPage: Encodable {
    struct Reminder: Encodable { let at: String; let who: String; let text: String; let href: String }
    struct Link: Encodable { let label: String; let href: String }

    let heading: String
    let currentYear: Bool
    let month: String
    let overdue: [TaskQueries.Line]
    let dueThisMonth: [TaskQueries.Line]
    let upcoming: [TaskQueries.Line]
    let coordinating: [TaskQueries.Line]
    /// What inspections required the unit to fix and it has not yet had accepted.
    let requirements: [RequirementView]
    let done: [TaskQueries.Line]
    let reminders: [Reminder]
    let grids: [Link]
    let overdueHref: String?
    let years: YearChoice?

    static func query(for user: User, unit: OrgUnit, year requested: String?, today: CivilDate, on db: any Database) async throws -> MyTasksPage {
        let unitID = unit.requireID
        let span = try await YearChoice.years(for: unit, today: today, on: db)
        let year = YearChoice.requested(requested, within: span, today: today)
        let lines = try await TaskQueries.lines(.ledBy(unitID), year: year, today: today, on: db)
        let open = lines.filter { [Timeliness.overdue.rawValue, Timeliness.inTime.rawValue].contains($0.timeliness) }
        let current = year == today.year
        let monthPrefix = String(today.description.prefix(7))
        let soon = twoMonthsAfter(today)
        let coordinating = current ? try await TaskQueries.lines(.coordinatedBy(unitID), year: year, today: today, on: db)
            .filter { $0.timeliness == Timeliness.overdue.rawValue || ($0.dueOn ?? "").hasPrefix(monthPrefix) } : []
        let mayFollowBelow = user.userRole == .manager || user.userRole == .admin
        return MyTasksPage(
            heading: "Nhiệm vụ của \(unit.name) năm \(year)", currentYear: current, month: "\(today.month)/\(today.year)",
            overdue: open.filter { $0.timeliness == Timeliness.overdue.rawValue },
            dueThisMonth: current ? open.filter { $0.timeliness == Timeliness.inTime.rawValue && ($0.dueOn ?? "").hasPrefix(monthPrefix) } : [],
            upcoming: current ? open.filter { $0.timeliness == Timeliness.inTime.rawValue && !($0.dueOn ?? "").hasPrefix(monthPrefix)
                && ($0.dueOn ?? "") <= soon } : open.filter { $0.timeliness == Timeliness.inTime.rawValue },
            coordinating: coordinating,
            requirements: current ? try await InspectionQueries.requirements(owedBy: unitID, on: db)
                .map { RequirementView.make($0, canReport: false, canDecide: false, today: today) } : [],
            done: current ? [] : lines.filter { [Timeliness.doneOnTime.rawValue, Timeliness.doneLate.rawValue].contains($0.timeliness) },
            reminders: try await reminders(leadUnit: unitID, on: db),
            grids: try await grids(of: unit, year: year, for: user, on: db),
            overdueHref: mayFollowBelow ? SiteRoute.tasksOverdue.path + "?unit=" + unit.code : nil,
            years: span.count > 1 ? .make(action: SiteRoute.tasks.path, selected: year, years: span, keeping: ["unit": unit.code]) : nil)
    }

    /// The 12-month grids of the plans whose tasks the unit leads that year, that the reader may open.
    private static func grids(of unit: OrgUnit, year: Int, for user: User, on db: any Database) async throws -> [Link] {
        let planIDs = try await PlanTaskRecord.query(on: db).filter(\.$leadUnitID == unit.requireID).all().map(\.planID)
        let plans = try await Plan.query(on: db).filter(\.$id ~~ Array(Set(planIDs))).filter(\.$year == year).sort(\.$id).all()
        return try await PlanAccess.readable(plans, by: user, on: db).map {
            Link(label: "Tiến độ 12 tháng · \($0.numberNormalized ?? "kế hoạch chưa có số")", href: SiteRoute.planGrid($0.requireID).path)
        }
    }

    /// The 28th of the month after next, as "yyyy-MM-dd": the end of "coming up".
    private static func twoMonthsAfter(_ today: CivilDate) -> String {
        let months = today.year * 12 + (today.month - 1) + 2
        return CivilDate(year: months / 12, month: months % 12 + 1, day: 28)?.description ?? ""
    }

    /// Reminders on the unit's tasks not yet done, whatever their year: an open reminder stays open.
    private static func reminders(leadUnit: Int, on db: any Database) async throws -> [Reminder] {
        let taskIDs = try await PlanTaskRecord.query(on: db).filter(\.$leadUnitID == leadUnit).all().map(\.requireID)
        guard !taskIDs.isEmpty else { return [] }
        let occurrences = try await TaskOccurrence.query(on: db).filter(\.$taskID ~~ taskIDs)
            .filter(\.$state != OccurrenceState.done.rawValue).all().map(\.requireID)
        guard !occurrences.isEmpty else { return [] }
        return try await TaskUpdate.query(on: db).filter(\.$occurrenceID ~~ occurrences).filter(\.$kind == TaskUpdate.reminderKind)
            .sort(\.$at, .descending).limit(10).all().map {
                Reminder(at: TaskTone.format($0.at), who: $0.userName, text: $0.text, href: SiteRoute.occurrence($0.occurrenceID).path)
            }
    }
}
