import Foundation

/// Checks a whole units file before anything is stored: every bad row is reported with its
/// line, and the good rows come back ordered so that each parent comes before its children.
public enum UnitImportPlanner {
    /// - Parameters:
    ///   - header: the file's first row.
    ///   - rows: the data rows, each with the line it sits on.
    ///   - existingCodes: codes already stored, which a row may name as parent or successor.
    public static func plan(header: [String], rows: [(line: Int, cells: [String])],
                            existingCodes: Set<String>) -> Result<[UnitImportRow], ValidationFailure> {
        let columns: [UnitCSVColumn?] = header.map { UnitCSVColumn(header: $0) }
        let missing = UnitCSVColumn.required.filter { !columns.contains($0) }
        if !missing.isEmpty {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            return .failure(ValidationFailure([ValidationIssue(field: names, message: "Thiếu cột bắt buộc: \(names).", line: 1)]))
        }
        if rows.isEmpty {
            return .failure(ValidationFailure([ValidationIssue(field: "", message: "Tệp không có dòng dữ liệu nào.", line: 2)]))
        }
        var issues: [ValidationIssue] = []
        var parsed: [UnitImportRow] = []
        for row in rows {
            switch parse(row.cells, columns: columns, line: row.line) {
            case .success(let item): parsed.append(item)
            case .failure(let failure): issues += failure.issues
            }
        }
        issues += referenceIssues(parsed, existingCodes: existingCodes)
        guard issues.isEmpty else { return .failure(ValidationFailure(issues)) }
        return orderParentsFirst(parsed)
    }

    private static func parse(_ cells: [String], columns: [UnitCSVColumn?], line: Int) -> Result<UnitImportRow, ValidationFailure> {
        var values: [UnitCSVColumn: String] = [:]
        for (index, column) in columns.enumerated() {
            guard let column, index < cells.count else { continue }
            values[column] = cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let draft = UnitDraft(code: values[.code] ?? "", name: values[.name] ?? "", shortName: values[.shortName] ?? "",
                              kind: values[.kind] ?? "", level: values[.level] ?? "",
                              validFrom: values[.validFrom] ?? "", validTo: values[.validTo] ?? "")
        return UnitValidation.validate(draft, line: line).map { unit in
            UnitImportRow(line: line, unit: unit, parentCode: nonEmpty(values[.parentCode]),
                          reportsToCode: nonEmpty(values[.reportsToCode]),
                          successorCodes: codeList(values[.successorCodes]))
        }
    }

    private static func referenceIssues(_ rows: [UnitImportRow], existingCodes: Set<String>) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var firstLine: [String: Int] = [:]
        for row in rows {
            if let earlier = firstLine[row.unit.code] {
                issues.append(ValidationIssue(field: "code", message: "Mã \"\(row.unit.code)\" trùng với dòng \(earlier).", line: row.line))
            } else {
                firstLine[row.unit.code] = row.line
            }
        }
        let known = existingCodes.union(firstLine.keys)
        for row in rows {
            if let parent = row.parentCode, !known.contains(parent) {
                issues.append(ValidationIssue(field: "parent_code", message: "Không có đơn vị cấp trên mã \"\(parent)\".", line: row.line))
            }
            if row.parentCode == row.unit.code {
                issues.append(ValidationIssue(field: "parent_code", message: "Đơn vị không thể là cấp trên của chính nó.", line: row.line))
            }
            if let target = row.reportsToCode, !known.contains(target) {
                issues.append(ValidationIssue(field: "reports_to_code", message: "Không có đơn vị mã \"\(target)\".", line: row.line))
            }
            for successor in row.successorCodes where !known.contains(successor) {
                issues.append(ValidationIssue(field: "successor_codes", message: "Không có đơn vị kế thừa mã \"\(successor)\".", line: row.line))
            }
        }
        return issues
    }

    /// Parents before children; rows whose parents form a loop inside the file are reported.
    private static func orderParentsFirst(_ rows: [UnitImportRow]) -> Result<[UnitImportRow], ValidationFailure> {
        let inFile = Dictionary(uniqueKeysWithValues: rows.map { ($0.unit.code, $0) })
        var placed = Set<String>()
        var ordered: [UnitImportRow] = []
        var pending = rows
        while !pending.isEmpty {
            let ready = pending.filter { row in
                guard let parent = row.parentCode, inFile[parent] != nil else { return true }
                return placed.contains(parent)
            }
            if ready.isEmpty {
                let issues = pending.map { row in
                    ValidationIssue(field: "parent_code", message: "Quan hệ cấp trên tạo thành vòng lặp (mã \"\(row.unit.code)\").", line: row.line)
                }
                return .failure(ValidationFailure(issues))
            }
            ordered += ready
            placed.formUnion(ready.map(\.unit.code))
            let readyCodes = Set(ready.map(\.unit.code))
            pending.removeAll { readyCodes.contains($0.unit.code) }
        }
        return .success(ordered)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func codeList(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }).map(String.init)
    }
}
