import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Turns a read plan's parts into rows, in document order, and inserts each table's rows
/// in one statement: sections, body paragraphs, targets, tasks (with their lead unit when the resolver finds
/// it), then the tasks' coordinators and occurrences, keyed by the ids the task insert returns.
enum PlanPartsWriter {
    static func insert(_ document: PlanDocument, planID: Int, year: Int, parents: PlanParentLinks = .init(),
                       units: TaskAssignment.Resolver? = nil, tracked: Bool = true, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        try await SQLRows.insert(sections(document.sections, planID: planID), into: "plan_sections", on: sql)
        try await SQLRows.insert(document.body.enumerated().map { PlanRows.Paragraph(planID: planID, position: $0, line: $1.line, text: $1.text) },
                                 into: PlanParagraphRecord.schema, on: sql)
        var targetRows = targets(document.targets, planID: planID)
        for index in targetRows.indices where index < parents.targets.count { targetRows[index].parentTargetID = parents.targets[index] }
        try await SQLRows.insert(targetRows, into: "plan_targets", on: sql)
        var taskRows = tasks(document.tasks, planID: planID)
        for index in taskRows.indices {
            if index < parents.tasks.count { taskRows[index].parentTaskID = parents.tasks[index] }
            taskRows[index].leadUnitID = units.flatMap { resolver in document.tasks[index].lead.lazy.compactMap(resolver.unitID).first }
        }
        let inserted = try await SQLRows.insert(taskRows, into: "plan_tasks", returning: ["id", "position"], on: sql)
        var taskIDs: [Int: Int] = [:]
        for row in inserted { taskIDs[try row.decode(column: "position", as: Int.self)] = try row.decode(column: "id", as: Int.self) }
        if tracked {
            try await OccurrenceWriter.insert(document.tasks.enumerated().compactMap { index, task in taskIDs[index].map { ($0, task.timing) } },
                                              year: year, on: sql)
        }
        if let units {
            let coordinators = document.tasks.enumerated().flatMap { index, task -> [TaskAssignment.CoordinatorRow] in
                guard let taskID = taskIDs[index] else { return [] }
                return Set(task.coordinating.compactMap(units.unitID)).sorted().map { TaskAssignment.CoordinatorRow(task_id: taskID, unit_id: $0) }
            }
            try await SQLRows.insert(coordinators, into: "task_coordinators", on: sql)
        }
    }

    static func sections(_ sections: [PlanDocument.Section], planID: Int) -> [PlanRows.Section] {
        var rows: [PlanRows.Section] = []
        func walk(_ nodes: [PlanDocument.Section], depth: Int) {
            for node in nodes {
                rows.append(.init(planID: planID, position: rows.count, depth: depth, number: node.number, heading: node.heading, line: node.line))
                walk(node.children, depth: depth + 1)
            }
        }
        walk(sections, depth: 0)
        return rows
    }

    static func targets(_ targets: [ParsedTarget], planID: Int) -> [PlanRows.Target] {
        targets.enumerated().map { index, target in
            PlanRows.Target(planID: planID, position: index, text: target.text, comparator: target.comparator.rawValue,
                            value: target.value, upper: target.upper, measure: target.unit.rawValue, subject: target.subject,
                            line: target.line, level: target.level)
        }
    }

    static func tasks(_ tasks: [PlanDocument.Task], planID: Int) -> [PlanRows.Task] {
        tasks.enumerated().map { index, task in
            PlanRows.Task(planID: planID, position: index, text: task.text, section: task.section, group: task.group,
                          timingRaw: task.timing.raw, months: task.timing.months.map(String.init).joined(separator: ","),
                          recurrence: task.timing.recurrence, deadline: task.timing.deadline, asDirected: task.timing.asDirected,
                          leadNames: json(task.lead), coordinatingNames: json(task.coordinating), line: task.line)
        }
    }

    static func json(_ names: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(names), as: UTF8.self)) ?? "[]"
    }

    static func names(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
