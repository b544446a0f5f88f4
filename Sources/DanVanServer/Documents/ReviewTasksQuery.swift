import DanVanCore
import DanVanDocuments
import Fluent

/// The tasks of a unit's plans that fell due from January to the period's end, with where each
/// stood at the end (or today, while the period runs).
enum ReviewTasksQuery {
    static func load(plans: [Plan], period: ReportPeriod, today: CivilDate, on db: any Database) async throws -> [ReviewReportExport.Task] {
        guard !plans.isEmpty else { return [] }
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID ~~ plans.map(\.requireID)).sort(\.$planID).sort(\.$position).all()
        guard !tasks.isEmpty else { return [] }
        let occurrences = try await TaskOccurrence.query(on: db).filter(\.$taskID ~~ tasks.map(\.requireID)).all()
        let byTask = Dictionary(grouping: occurrences, by: \.taskID)
        // A task given to the units below is judged by their own tasks, as its grid shows it.
        let delegated = try await DelegatedTaskCells.load(parents: tasks, on: db)
        let leadIDs = Set(tasks.compactMap(\.leadUnitID))
        let leadNames = leadIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: db).filter(\.$id ~~ leadIDs).all()
            .map { ($0.requireID, $0.name) })
        let asOf = min(today, period.lastDay)
        // Once the period is over, what was not done by its end was not done, whatever its due day.
        let over = today > period.lastDay
        return tasks.compactMap { task in
            let all = delegated.carries(task) ? delegated.occurrences(of: task.requireID) : byTask[task.requireID] ?? []
            let due = all.filter { $0.month <= period.lastMonth }
            guard let outcome = TaskPeriodOutcome.of(due.map {
                let timeliness = $0.timeliness(today: asOf)
                let unfinished = over && $0.occurrenceState != .done && $0.occurrenceState != .cannotDo
                return ($0.occurrenceState, unfinished ? .overdue : timeliness)
            }) else { return nil }
            let named = PlanPartsWriter.names(task.leadNames).joined(separator: ", ")
            let lead = task.leadUnitID.flatMap { leadNames[$0] }
                ?? (delegated.carries(task) && named.isEmpty ? "Các đơn vị cấp dưới" : named)
            return .init(text: task.text, lead: lead, timing: OccurrenceWriter.timing(task).written,
                         outcome: outcome, continues: all.contains { $0.month > period.lastMonth })
        }
    }
}
