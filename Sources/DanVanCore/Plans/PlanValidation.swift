import Foundation

/// What a plan must satisfy before it is stored, however it was made: a year, a subject,
/// and targets and timings that make sense.
public enum PlanValidation {
    public static func issues(_ plan: PlanDocument) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if plan.kind != .plan {
            issues.append(ValidationIssue(field: "kind", message: "Văn bản không được nhận là kế hoạch; không lưu."))
        }
        if !(1990...2100).contains(plan.year ?? 0) {
            issues.append(ValidationIssue(field: "year", message: "Năm kế hoạch \(plan.year.map(String.init) ?? "(trống)") không hợp lệ."))
        }
        if (plan.subject ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(field: "subject", message: "Kế hoạch phải có trích yếu (dòng sau chữ KẾ HOẠCH)."))
        }
        if let issuedOn = plan.issuedOn, CivilDate(parsing: issuedOn) == nil {
            issues.append(ValidationIssue(field: "issuedOn", message: "Ngày ban hành \"\(issuedOn)\" không hợp lệ."))
        }
        for (index, target) in plan.targets.enumerated() {
            issues += targetIssues(target, field: "targets[\(index)]")
        }
        for (index, task) in plan.tasks.enumerated() where task.timing.months.contains(where: { !(1...12).contains($0) }) {
            issues.append(ValidationIssue(field: "tasks[\(index)].timing", message: "Tháng phải từ 1 đến 12 (nhiệm vụ dòng \(task.line)).",
                                          line: task.line))
        }
        return issues
    }

    public static func targetIssues(_ target: ParsedTarget, field: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if target.unit == .percent, let value = target.value, value > 100 || value < 0 {
            issues.append(ValidationIssue(field: field, message: "Chỉ tiêu \(value.formatted())% nằm ngoài 0–100% (dòng \(target.line)).",
                                          line: target.line))
        }
        if target.comparator == .between {
            if let low = target.value, let high = target.upper, low > high {
                issues.append(ValidationIssue(field: field, message: "Khoảng \"từ \(low.formatted()) đến \(high.formatted())\" có cận dưới lớn hơn cận trên (dòng \(target.line)).",
                                              line: target.line))
            } else if target.upper == nil {
                issues.append(ValidationIssue(field: field, message: "Chỉ tiêu dạng khoảng cần cả cận dưới và cận trên (dòng \(target.line)).",
                                              line: target.line))
            }
        }
        if target.unit == .count, let value = target.value, value < 0 {
            issues.append(ValidationIssue(field: field, message: "Số lượng không thể âm (dòng \(target.line)).", line: target.line))
        }
        return issues
    }
}
