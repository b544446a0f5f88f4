import DanVanCore

/// A date typed into a form of this capability: empty (refused when required) or a day, every
/// fault named with its field and label.
enum DateField {
    static func parse(_ text: String, field: String, label: String, required: Bool, into issues: inout [ValidationIssue]) -> CivilDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            if required { issues.append(ValidationIssue(field: field, message: "\(label) chưa có.")) }
            return nil
        }
        guard let day = CivilDate(parsing: trimmed) else {
            issues.append(ValidationIssue(field: field, message: "\(label) \"\(FreeText.printable(String(trimmed.prefix(20))))\" không phải một ngày."))
            return nil
        }
        return day
    }
}
