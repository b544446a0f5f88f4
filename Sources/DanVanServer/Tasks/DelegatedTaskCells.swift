import DanVanCore
import Fluent

/// A task a plan gives to a group of units below ("Các đảng ủy xã") has no lead unit of its own:
/// each of those units carries it out as a task of its own plan, linked to it. Its grid cells are
/// read from those tasks' months: overdue if any unit is overdue, done when every unit is done.
struct DelegatedTaskCells {
    /// Parent task id → month → the child occurrences of that month.
    let byParent: [Int: [Int: [TaskOccurrence]]]
    /// Parent task id → how many units carry it.
    let carriers: [Int: Int]

    static func load(parents: [PlanTaskRecord], on db: any Database) async throws -> DelegatedTaskCells {
        let parentIDs = parents.filter { $0.leadUnitID == nil }.map(\.requireID)
        guard !parentIDs.isEmpty else { return DelegatedTaskCells(byParent: [:], carriers: [:]) }
        let linked = try await PlanTaskRecord.query(on: db).filter(\.$parentTaskID ~~ parentIDs).filter(\.$leadUnitID != nil).all()
        // A unit's draft plan is not followed yet: only issued plans carry the task.
        let issued = Set(try await Plan.query(on: db).filter(\.$id ~~ Array(Set(linked.map(\.planID))))
            .filter(\.$status == .issued).all().map(\.requireID))
        let children = linked.filter { issued.contains($0.planID) }
        guard !children.isEmpty else { return DelegatedTaskCells(byParent: [:], carriers: [:]) }
        let parentOf = Dictionary(uniqueKeysWithValues: children.map { ($0.requireID, $0.parentTaskID ?? 0) })
        let occurrences = try await TaskOccurrence.query(on: db).filter(\.$taskID ~~ children.map(\.requireID)).all()
        var byParent: [Int: [Int: [TaskOccurrence]]] = [:]
        for occurrence in occurrences {
            guard let parent = parentOf[occurrence.taskID] else { continue }
            byParent[parent, default: [:]][occurrence.month, default: []].append(occurrence)
        }
        let carriers = Dictionary(grouping: children, by: { $0.parentTaskID ?? 0 }).mapValues { Set($0.compactMap(\.leadUnitID)).count }
        return DelegatedTaskCells(byParent: byParent, carriers: carriers)
    }

    func carries(_ task: PlanTaskRecord) -> Bool { task.leadUnitID == nil && carriers[task.requireID] != nil }

    /// Every occurrence of the units' own tasks, whatever the month.
    func occurrences(of task: Int) -> [TaskOccurrence] { (byParent[task] ?? [:]).values.flatMap { $0 } }

    /// The month's cell from the units' own occurrences; nil when none of them has that month.
    func cell(task: Int, month: Int, today: CivilDate) -> PlanGridPage.Cell? {
        guard let occurrences = byParent[task]?[month], !occurrences.isEmpty else { return nil }
        let tones = occurrences.map { TaskTone.of($0.occurrenceState, $0.timeliness(today: today)) }
        let done = tones.filter { $0 == "done" || $0 == "late" }.count
        let tone = ["overdue", "cannot", "progress", "planned", "late"].first(where: tones.contains) ?? "done"
        let mark = PlanGridPage.legend.first { $0.tone == tone }?.mark ?? ""
        return PlanGridPage.Cell(month: month, tone: tone, mark: mark,
                                 title: "Tháng \(month): \(done)/\(occurrences.count) đơn vị hoàn thành", href: nil)
    }
}
