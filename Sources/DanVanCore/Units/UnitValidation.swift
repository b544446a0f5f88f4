import Foundation

/// The rules every unit obeys, wherever it comes from (form, API, CSV, demo file).
public enum UnitValidation {
    public static let maxNameLength = 200
    public static let maxShortNameLength = 60

    public static func validate(_ draft: UnitDraft, line: Int? = nil) -> Result<ValidUnit, ValidationFailure> {
        var issues: [ValidationIssue] = []
        func add(_ field: String, _ message: String) {
            issues.append(ValidationIssue(field: field, message: message, line: line))
        }
        let code = draft.code.trimmingCharacters(in: .whitespaces)
        if let issue = UnitCode.issue(for: code) { add(issue.field, issue.message) }
        var name = ""
        switch FreeText.clean(draft.name, field: "name", label: "Tên đơn vị", limit: maxNameLength, required: true) {
        case .success(let text): name = text
        case .failure(let issue): add(issue.field, issue.message)
        }
        var shortName = ""
        switch FreeText.clean(draft.shortName, field: "shortName", label: "Tên viết tắt", limit: maxShortNameLength) {
        case .success(let text): shortName = text
        case .failure(let issue): add(issue.field, issue.message)
        }
        let kind = UnitKind(rawValue: draft.kind)
        if kind == nil { add("kind", "Loại đơn vị \"\(draft.kind)\" không hợp lệ.") }
        let level = UnitLevel(rawValue: draft.level)
        if level == nil { add("level", "Cấp \"\(draft.level)\" không hợp lệ.") }
        let validFrom = parseOptionalDate(draft.validFrom, field: "validFrom", label: "Ngày bắt đầu", add: add)
        let validTo = parseOptionalDate(draft.validTo, field: "validTo", label: "Ngày kết thúc", add: add)
        if let validFrom, let validTo, validTo < validFrom {
            add("validTo", "Ngày kết thúc (\(validTo.vietnamese)) trước ngày bắt đầu (\(validFrom.vietnamese)).")
        }
        guard issues.isEmpty, let kind, let level else { return .failure(ValidationFailure(issues)) }
        return .success(ValidUnit(code: code, name: name, shortName: shortName.isEmpty ? nil : shortName,
                                  kind: kind, level: level, validFrom: validFrom, validTo: validTo))
    }

    /// A unit may sit at its parent's level or below it, never above.
    public static func levelIssue(child: UnitLevel, parent: UnitLevel) -> ValidationIssue? {
        guard child.rank < parent.rank else { return nil }
        return ValidationIssue(field: "level", message: "Cấp \(child.label) không thể trực thuộc đơn vị cấp \(parent.label).")
    }

    private static func parseOptionalDate(_ text: String, field: String, label: String,
                                          add: (String, String) -> Void) -> CivilDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let date = CivilDate(parsing: trimmed) else {
            add(field, "\(label) \"\(trimmed)\" không hợp lệ; ghi theo dạng 2025-07-01 hoặc 01/07/2025.")
            return nil
        }
        return date
    }
}
