import DanVanCore

/// A schedule table that arrives as one paragraph per cell (a web page's table copied as text):
/// "TT" / "Nội dung …" / … / "Ngày chậm nhất phải hoàn thành", then "1" / its cells / "2" / ….
/// Rows are rebuilt from the row numbers; each row is a task with the deadline its cells give.
enum ParagraphTableReader {
    static func tasks(_ lines: [PlanLine], planYear: Int?) -> [PlanDocument.Task] {
        let texts = lines.filter { !$0.isTableRow && !$0.text.trimmed().isEmpty }
        guard let headerStart = texts.firstIndex(where: { ["TT", "STT", "Stt", "Số TT"].contains($0.text.trimmed()) }) else { return [] }
        let header = texts[headerStart...].prefix { $0.text.trimmed() != "1" }
        guard header.count >= 3, header.count <= 8,
              header.contains(where: { VietnameseFolding.fold($0.text).contains("noi dung") || VietnameseFolding.fold($0.text).contains("cong viec") }),
              header.contains(where: isTimeColumn) else { return [] }
        let columns = header.map { VietnameseFolding.fold($0.text) }
        let leadColumn = columns.firstIndex { $0.contains("chu tri") || $0.contains("co quan thuc hien") || $0.contains("don vi thuc hien") }
        var tasks: [PlanDocument.Task] = []
        var index = headerStart + header.count
        var expected = 1
        while index < texts.count, texts[index].text.trimmed() == String(expected) {
            let rowStart = index + 1
            var end = rowStart
            while end < texts.count, texts[end].text.trimmed() != String(expected + 1) { end += 1 }
            let cells = texts[rowStart..<end].map { $0.text.trimmed() }
            if let task = task(cells, line: texts[index].number, group: String(expected), columnCount: columns.count, leadColumn: leadColumn,
                               planYear: planYear) {
                tasks.append(task)
            }
            index = end
            expected += 1
        }
        return tasks
    }

    private static func isTimeColumn(_ line: PlanLine) -> Bool {
        let folded = VietnameseFolding.fold(line.text)
        return folded.contains("thoi gian") || folded.contains("thoi han") || folded.contains("hoan thanh") || folded.contains("cham nhat")
    }

    /// The content is the cells before the first date or figure of days; the deadline, the last
    /// cell that reads as a date or a month.
    private static func task(_ cells: [String], line: Int, group: String, columnCount: Int, leadColumn: Int?,
                             planYear: Int?) -> PlanDocument.Task? {
        let timingCell = cells.last { TaskTimingParser.parse($0, planYear: planYear).timing.deadline != nil }
        let content = cells.prefix { cell in
            cell != timingCell && cell.rangeOfPattern(#"^\d+\s*ngày\b"#) == nil && cell.rangeOfPattern(#"^\(?\d{1,2}/\d{1,2}/\d{4}"#) == nil
        }
        guard !content.isEmpty else { return nil }
        let timing = timingCell.map { TaskTimingParser.parse($0, planYear: planYear).timing } ?? TaskTiming(raw: "")
        // Lead: only when the row has exactly one paragraph per column, so the column is known.
        let lead = leadColumn.flatMap { column in cells.count == columnCount - 1 && column > 0 ? [cells[column - 1]] : nil } ?? []
        let text = content.joined(separator: ": ")
        return PlanDocument.Task(text: text, section: "appendix", group: group, timing: .init(timing), lead: lead, coordinating: [], line: line)
    }
}
