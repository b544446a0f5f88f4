/// The rules a unit's figures must meet: whole non-negative numbers, numerator no more than
/// denominator, and, before submitting, every figure present.
public enum ReportEntryValidation {
    public static let commentLimit = 2_000

    public static func check(_ input: ReportEntryInput, requireValue: Bool) -> Result<ReportEntry, ValidationFailure> {
        var issues: [ValidationIssue] = []
        let name = input.indicatorName
        var numerator: Int?
        var denominator: Int?
        if input.kind == .yesNo {
            numerator = yesNo(input, into: &issues)
        } else {
            let label = input.kind == .ratio ? "Tử số" : "Số lượng"
            numerator = figure(input.numerator, field: input.numeratorField, label: "\(label) của \"\(name)\"", into: &issues)
        }
        if input.kind == .ratio {
            denominator = figure(input.denominator, field: input.denominatorField, label: "Mẫu số của \"\(name)\"", into: &issues)
            if let n = numerator, let d = denominator, n > d {
                issues.append(ValidationIssue(field: input.numeratorField,
                                              message: "Tử số (\(n)) lớn hơn mẫu số (\(d)) ở \"\(name)\"."))
            }
            if (numerator == nil) != (denominator == nil), issues.isEmpty {
                issues.append(ValidationIssue(field: numerator == nil ? input.numeratorField : input.denominatorField,
                                              message: "\"\(name)\" cần cả tử số và mẫu số."))
            }
        }
        if requireValue, numerator == nil, issues.isEmpty {
            issues.append(ValidationIssue(field: input.numeratorField, message: "Chưa nhập số liệu cho \"\(name)\"."))
        }
        var comment = ""
        switch FreeText.clean(input.comment, field: "v\(input.indicatorID)_note", label: "Ghi chú của \"\(name)\"", limit: commentLimit,
                              multiline: true) {
        case .success(let text): comment = text
        case .failure(let issue): issues.append(issue)
        }
        guard issues.isEmpty else { return .failure(ValidationFailure(issues)) }
        return .success(ReportEntry(indicatorID: input.indicatorID, numerator: numerator, denominator: denominator, comment: comment))
    }

    /// A denominator that moved by more than `share` (0.2 = 20 %) since the last period is
    /// probably a typing slip, but may be true (a merger): the user confirms rather than retypes.
    public static func denominatorJump(name: String, previous: Int, current: Int, share: Double) -> String? {
        guard previous > 0 else { return nil }
        let change = Double(abs(current - previous)) / Double(previous)
        guard change > share else { return nil }
        let percent = Int((change * 100).rounded())
        return "Mẫu số của \"\(name)\" thay đổi \(percent)% so với kỳ trước (\(previous) → \(current)). Hãy kiểm tra và xác nhận."
    }

    private static func figure(_ text: String, field: String, label: String, into issues: inout [ValidationIssue]) -> Int? {
        guard !text.trimmed().isEmpty else { return nil }
        switch TypedFigure.parse(text) {
        case .success(let value):
            return value
        case .failure(.negative):
            issues.append(ValidationIssue(field: field, message: "\(label) không được âm (đã nhập \"\(text)\")."))
        case .failure(.fraction):
            issues.append(ValidationIssue(field: field, message: "\(label) phải là số nguyên (đã nhập \"\(text)\")."))
        case .failure(.notANumber):
            issues.append(ValidationIssue(field: field, message: "\(label) phải là số (đã nhập \"\(text)\")."))
        }
        return nil
    }

    private static func yesNo(_ input: ReportEntryInput, into issues: inout [ValidationIssue]) -> Int? {
        guard !input.numerator.trimmed().isEmpty else { return nil }
        guard let done = TypedFigure.parseYesNo(input.numerator) else {
            issues.append(ValidationIssue(field: input.numeratorField,
                                          message: "\"\(input.indicatorName)\" chỉ nhận \"có\" hoặc \"không\" (đã nhập \"\(input.numerator)\")."))
            return nil
        }
        return done ? 1 : 0
    }
}
