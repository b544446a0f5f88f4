import DanVanCore
import Vapor

/// What a reviewer changed on the review screen. Targets and tasks are keyed by their position
/// in the reading; reading the same file again gives the same positions.
struct PlanReviewEdits: Content {
    struct TargetEdit: Content {
        var drop: String?
        var comparator: String?
        var value: String?
        var upper: String?
        var unit: String?
        var subject: String?
    }

    struct TaskEdit: Content {
        var drop: String?
        var text: String?
        var timing: String?
        var lead: String?
        var coordinating: String?
    }

    var unitCode: String?
    var implementsPlanID: String?
    var subject: String?
    var number: String?
    var year: String?
    var issuedOn: String?
    var targets: [String: TargetEdit]?
    var tasks: [String: TaskEdit]?

    /// The reading with the reviewer's changes, or the fields at fault.
    func apply(to reading: PlanDocument) throws -> PlanDocument {
        var plan = reading
        var issues: [ValidationIssue] = []
        if let subject = UnitInput.nonEmpty(subject) { plan.subject = subject }
        if let year = UnitInput.nonEmpty(year) {
            if let value = Int(year) { plan.year = value } else { issues.append(.init(field: "year", message: "Năm \"\(year)\" không phải số.")) }
        }
        if let number = UnitInput.nonEmpty(number) {
            if let parsed = DocumentNumber.parse(number) { plan.number = .init(parsed) } else {
                issues.append(.init(field: "number", message: "Số, ký hiệu \"\(number)\" không đúng dạng (ví dụ 159-KH/HU, 235/KH-UBND)."))
            }
        }
        if let issuedOn = UnitInput.nonEmpty(issuedOn) {
            if let date = CivilDate(parsing: issuedOn) { plan.issuedOn = date.description } else {
                issues.append(.init(field: "issuedOn", message: "Ngày ban hành \"\(issuedOn)\" không hợp lệ."))
            }
        }
        plan.targets = reading.targets.enumerated().compactMap { index, target in
            editedTarget(target, targets?[String(index)], index: index, issues: &issues)
        }
        plan.tasks = reading.tasks.enumerated().compactMap { index, task in editedTask(task, tasks?[String(index)]) }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return plan
    }

    private func editedTarget(_ target: ParsedTarget, _ edit: TargetEdit?, index: Int, issues: inout [ValidationIssue]) -> ParsedTarget? {
        guard let edit else { return target }
        if edit.drop != nil { return nil }
        /// Absent: unchanged. Empty: no value. Otherwise a number, or an issue.
        func number(_ text: String?, _ name: String, current: Double?) -> Double? {
            guard let text else { return current }
            guard let trimmed = UnitInput.nonEmpty(text) else { return nil }
            guard let value = Double(trimmed.replacingOccurrences(of: ",", with: ".")) else {
                issues.append(.init(field: "targets[\(index)][\(name)]", message: "\"\(trimmed)\" không phải số (chỉ tiêu dòng \(target.line)).",
                                    line: target.line))
                return current
            }
            return value
        }
        return ParsedTarget(text: target.text,
                            comparator: edit.comparator.flatMap(TargetComparator.init(rawValue:)) ?? target.comparator,
                            value: number(edit.value, "value", current: target.value),
                            upper: number(edit.upper, "upper", current: target.upper),
                            unit: edit.unit.flatMap(TargetMeasure.init(rawValue:)) ?? target.unit,
                            subject: UnitInput.nonEmpty(edit.subject) ?? target.subject, line: target.line)
    }

    private func editedTask(_ task: PlanDocument.Task, _ edit: TaskEdit?) -> PlanDocument.Task? {
        guard let edit else { return task }
        if edit.drop != nil { return nil }
        let timing = edit.timing.map { TaskTimingParser.parse($0).timing }.map(PlanDocument.Timing.init) ?? task.timing
        func names(_ text: String?) -> [String]? {
            text.map { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        return PlanDocument.Task(text: UnitInput.nonEmpty(edit.text) ?? task.text, section: task.section, group: task.group,
                                 timing: timing, lead: names(edit.lead) ?? task.lead,
                                 coordinating: names(edit.coordinating) ?? task.coordinating, line: task.line)
    }
}
