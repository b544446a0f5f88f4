import Foundation

/// A criteria set in the layout an office keeps in Excel: one row per criterion (number, text,
/// points, kind, evidence, who scores, DanVan's data it is bound to), a "Tổng cộng" row with the
/// stated maximum; the band table (label, from, below) on a second sheet; gates on a third, one per
/// row. Read and written in the same layout.
public enum CriteriaTable {
    public static let criteriaHeader = ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Loại", "Yêu cầu minh chứng", "Người chấm", "Dữ liệu DanVan"]
    public static let bandHeader = ["Mức xếp loại", "Từ điểm", "Đến dưới điểm"]
    public static let gateHeader = ["Điều kiện"]

    enum Column: CaseIterable { case number, text, points, kind, evidence, scorer, binding }

    /// The tree, stated maximum, bands and gates from the sheets' rows (header rows included).
    /// Every bad row is named with its line; nothing comes back unless everything is right.
    public static func read(criteria: [[String]], bands bandRows: [[String]], gates gateRows: [[String]]) -> Result<CriteriaSetDefinition, ValidationFailure> {
        var issues: [ValidationIssue] = []
        guard let headerIndex = criteria.firstIndex(where: isCriteriaHeader) else {
            return .failure(ValidationFailure([ValidationIssue(field: "file",
                message: "Không thấy dòng tiêu đề của bảng tiêu chí (cần các cột: \(criteriaHeader.prefix(4).joined(separator: ", ")).")]))
        }
        let columns = columnsOf(criteria[headerIndex])
        var stated: Points?
        var flat: [(depth: Int, line: Int, row: Criterion)] = []
        var stack: [(depth: Int, key: String, kind: NumberKind)] = []
        for (offset, cells) in criteria.enumerated().dropFirst(headerIndex + 1) {
            let line = offset + 1
            func cell(_ column: Column) -> String {
                guard let index = columns[column], index < cells.count else { return "" }
                return cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let number = cell(.number)
            let foldedText = VietnameseFolding.fold(cell(.text))
            if number.isEmpty, foldedText.hasPrefix("tong") {
                if let points = Points(parsing: cell(.points)) { stated = points } else {
                    issues.append(ValidationIssue(field: "Điểm tối đa", message: "Dòng tổng cộng: \"\(cell(.points))\" không phải số điểm.", line: line))
                }
                continue
            }
            guard let numberKind = NumberKind.of(number) else {
                issues.append(ValidationIssue(field: "STT", message: "Số thứ tự \"\(number)\" không đọc được (dùng I, II…; 1, 2…; 1.1; a, b…).", line: line))
                continue
            }
            let depth = numberKind.depth(after: stack)
            while let last = stack.last, last.depth >= depth { stack.removeLast() }
            if depth > (stack.last?.depth ?? -1) + 1 {
                issues.append(ValidationIssue(field: "STT", message: "Tiêu chí \(number) không có tiêu chí cấp trên ngay trước nó.", line: line))
                continue
            }
            let key = (stack.map(\.key) + [numberKind.keyPart(number)]).joined(separator: ".")
            let text = cell(.text)
            if text.isEmpty { issues.append(ValidationIssue(field: "Nội dung tiêu chí", message: "Tiêu chí \(number) chưa có nội dung.", line: line)) }
            let points = Points(parsing: cell(.points))
            if points == nil { issues.append(ValidationIssue(field: "Điểm tối đa", message: "Tiêu chí \(number): \"\(cell(.points))\" không phải số điểm (ví dụ 10 hoặc 2,5).", line: line)) }
            let kindText = cell(.kind)
            let kind = kindText.isEmpty ? CriterionKind.qualitative : CriterionKind.named(kindText)
            if kind == nil {
                issues.append(ValidationIssue(field: "Loại", message: "Tiêu chí \(number): loại \"\(kindText)\" không có; dùng: \(CriterionKind.allCases.map(\.label).joined(separator: ", ")).", line: line))
            }
            let scorer = CriterionScorer.named(cell(.scorer))
            if scorer == nil { issues.append(ValidationIssue(field: "Người chấm", message: "Tiêu chí \(number): người chấm \"\(cell(.scorer))\" không rõ; dùng \"Đơn vị tự chấm\" hoặc \"Cấp trên chấm\".", line: line)) }
            let binding = cell(.binding)
            let row = Criterion(key: key, number: number, text: text, maxPoints: points ?? .zero, kind: kind ?? .qualitative,
                                evidenceRequired: isYes(cell(.evidence)), scorer: scorer ?? .unit, binding: binding.isEmpty ? nil : binding)
            flat.append((depth, line, row))
            stack.append((depth, numberKind.keyPart(number), numberKind))
        }
        let bands = readBands(bandRows, issues: &issues)
        var gates: [ClassificationGate] = []
        for (offset, cells) in afterHeader(gateRows, exactly: "dieu kien") {
            let text = cells.first?.trimmingCharacters(in: .whitespaces) ?? ""
            if text.isEmpty || VietnameseFolding.fold(text) == "dieu kien" { continue }
            if let gate = ClassificationGate.parse(text) { gates.append(gate) } else {
                issues.append(ValidationIssue(field: "Điều kiện", message: "Điều kiện \"\(text)\" không đọc được (ví dụ: \"Không gửi đúng hạn: Không đủ điều kiện xếp loại\", \"Tỷ lệ Xuất sắc không quá 20%\").", line: offset))
            }
        }
        let groups = tree(flat.map { ($0.depth, $0.row) })
        if flat.isEmpty, issues.isEmpty { issues.append(ValidationIssue(field: "file", message: "Bảng tiêu chí không có dòng tiêu chí nào.")) }
        let definition = CriteriaSetDefinition(maxPoints: stated ?? groups.filter { !$0.kind.isAdjustment }.reduce(.zero) { $0 + $1.maxPoints },
                                               groups: groups, bands: GradeBands(bands), gates: gates)
        issues += issues.isEmpty ? definition.issues() : []
        return issues.isEmpty ? .success(definition) : .failure(ValidationFailure(issues))
    }

    /// The three sheets, in the layout `read` takes.
    public static func write(_ definition: CriteriaSetDefinition) -> (criteria: [[String]], bands: [[String]], gates: [[String]]) {
        let rows = definition.rows.map { row in
            [row.number, row.text, row.maxPoints.short, row.kind.label, row.evidenceRequired ? "Có" : "", row.scorer.label, row.binding ?? ""]
        }
        let total = ["", "Tổng cộng", definition.maxPoints.short, "", "", "", ""]
        let bands = definition.bands.bands.reversed().map { [$0.label, $0.minimum.short, $0.maximum.short] }
        let gates = definition.gates.map { gate -> [String] in
            switch gate {
            case .submitByClose(let label): ["Không gửi đúng hạn: \(label)"]
            case .quota(let band, let percent): ["Tỷ lệ \(band) không quá \(percent)%"]
            }
        }
        return ([criteriaHeader] + rows + [total], [bandHeader] + bands, [gateHeader] + gates)
    }

    private static func readBands(_ rows: [[String]], issues: inout [ValidationIssue]) -> [GradeBand] {
        var bands: [GradeBand] = []
        for (offset, cells) in afterHeader(rows, startingWith: "muc") {
            let values = cells.map { $0.trimmingCharacters(in: .whitespaces) } + ["", "", ""]
            if values.prefix(3).allSatisfy(\.isEmpty) { continue }
            if VietnameseFolding.fold(values[0]).hasPrefix("muc") && Points(parsing: values[1]) == nil { continue }
            guard !values[0].isEmpty, let from = Points(parsing: values[1]), let below = Points(parsing: values[2]) else {
                issues.append(ValidationIssue(field: "Xếp loại", message: "Mức \"\(values[0])\": cần tên mức, điểm từ và điểm đến dưới (ví dụ: Tốt, 80, 90).", line: offset))
                continue
            }
            bands.append(GradeBand(values[0], from: from, below: below))
        }
        return bands
    }

    /// The rows below a header whose first cell starts with `word` (with their 1-based line),
    /// or every row when there is no header: a title above the table is not a row of it.
    private static func afterHeader(_ rows: [[String]], startingWith prefix: String? = nil, exactly word: String? = nil) -> [(line: Int, cells: [String])] {
        let numbered = rows.enumerated().map { (line: $0.offset + 1, cells: $0.element) }
        let isHeader = { (cells: [String]) -> Bool in
            let folded = VietnameseFolding.fold(cells.first ?? "")
            return prefix.map { folded.hasPrefix($0) } ?? (folded == word)
        }
        guard let header = rows.firstIndex(where: isHeader) else { return numbered }
        return Array(numbered.dropFirst(header + 1))
    }

    private static func tree(_ flat: [(depth: Int, row: Criterion)]) -> [Criterion] {
        var index = 0
        func children(at depth: Int) -> [Criterion] {
            var out: [Criterion] = []
            while index < flat.count, flat[index].depth == depth {
                var row = flat[index].row
                index += 1
                row.children = children(at: depth + 1)
                out.append(row)
            }
            return out
        }
        return children(at: 0)
    }

    private static func isCriteriaHeader(_ cells: [String]) -> Bool {
        let folded = cells.map { VietnameseFolding.fold($0) }
        return folded.contains { $0.contains("noi dung") || $0.contains("tieu chi") } && folded.contains { $0.contains("diem") }
    }

    private static func columnsOf(_ header: [String]) -> [Column: Int] {
        var columns: [Column: Int] = [:]
        for (index, title) in header.enumerated() {
            let folded = VietnameseFolding.fold(title)
            let column: Column? = if ["stt", "tt", "so tt", "so thu tu"].contains(folded) { .number }
                else if folded.contains("minh chung") { .evidence }
                else if folded.contains("nguoi cham") || folded == "cham" { .scorer }
                else if folded.contains("du lieu") || folded.contains("gan") || folded.contains("nguon") { .binding }
                else if folded.contains("diem") { .points }
                else if folded.contains("noi dung") || folded.contains("tieu chi") { .text }
                else if folded.hasPrefix("loai") { .kind }
                else { nil }
            if let column, columns[column] == nil { columns[column] = index }
        }
        return columns
    }

    private static func isYes(_ text: String) -> Bool {
        ["co", "x", "yes", "1", "bat buoc", "can"].contains(VietnameseFolding.fold(text))
    }
}

/// How a criterion's number places it: "I" a group, "1" under it, "1.2" or "a" below that.
enum NumberKind: Equatable {
    case roman, arabic(dots: Int), letter

    static func of(_ number: String) -> NumberKind? {
        let trimmed = number.trimmingCharacters(in: CharacterSet(charactersIn: " .)"))
        if trimmed.isEmpty { return nil }
        if trimmed.allSatisfy({ "IVXL".contains($0) }), trimmed.count <= 5 { return .roman }
        if trimmed.count <= 2, trimmed.allSatisfy({ $0.isLetter && $0.isASCII }) { return .letter }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) { return .arabic(dots: parts.count - 1) }
        return nil
    }

    /// The part of the key this number adds: "1.2" under "1" adds "2".
    func keyPart(_ number: String) -> String {
        let trimmed = number.trimmingCharacters(in: CharacterSet(charactersIn: " .)"))
        switch self {
        case .roman: return trimmed.uppercased()
        case .letter: return trimmed.lowercased()
        case .arabic: return String(trimmed.split(separator: ".").last ?? "")
        }
    }

    /// The depth of a row with this number, given the rows open above it.
    func depth(after stack: [(depth: Int, key: String, kind: NumberKind)]) -> Int {
        let romanDepth = stack.first { $0.kind == .roman }?.depth
        switch self {
        case .roman: return 0
        case .arabic(let dots): return (romanDepth.map { $0 + 1 } ?? 0) + dots
        case .letter:
            guard let last = stack.last(where: { $0.kind != .letter }) else { return 0 }
            return last.depth + 1
        }
    }
}
