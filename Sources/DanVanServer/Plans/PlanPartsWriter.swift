import DanVanCore
import Foundation

/// Turns a read plan's parts into rows, in document order, for one batch insert each.
enum PlanPartsWriter {
    static func sections(_ sections: [PlanDocument.Section], planID: Int) -> [PlanSectionRecord] {
        var records: [PlanSectionRecord] = []
        func walk(_ nodes: [PlanDocument.Section], depth: Int) {
            for node in nodes {
                let record = PlanSectionRecord()
                record.planID = planID
                record.position = records.count
                record.depth = depth
                record.number = node.number
                record.heading = node.heading
                record.line = node.line
                records.append(record)
                walk(node.children, depth: depth + 1)
            }
        }
        walk(sections, depth: 0)
        return records
    }

    static func targets(_ targets: [ParsedTarget], planID: Int) -> [PlanTargetRecord] {
        targets.enumerated().map { index, target in
            let record = PlanTargetRecord()
            record.planID = planID
            record.position = index
            record.text = target.text
            record.comparator = target.comparator.rawValue
            record.value = target.value
            record.upper = target.upper
            record.measure = target.unit.rawValue
            record.subject = target.subject
            record.line = target.line
            return record
        }
    }

    static func tasks(_ tasks: [PlanDocument.Task], planID: Int) -> [PlanTaskRecord] {
        tasks.enumerated().map { index, task in
            let record = PlanTaskRecord()
            record.planID = planID
            record.position = index
            record.text = task.text
            record.section = task.section
            record.group = task.group
            record.timingRaw = task.timing.raw
            record.months = task.timing.months.map(String.init).joined(separator: ",")
            record.recurrence = task.timing.recurrence
            record.deadline = task.timing.deadline
            record.asDirected = task.timing.asDirected
            record.leadNames = json(task.lead)
            record.coordinatingNames = json(task.coordinating)
            record.line = task.line
            return record
        }
    }

    static func json(_ names: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(names), as: UTF8.self)) ?? "[]"
    }

    static func names(_ json: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }
}
