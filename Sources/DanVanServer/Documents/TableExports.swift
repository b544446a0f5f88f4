import DanVanCore
import DanVanDocuments

/// The tables the pages show, as spreadsheets: numbers as numbers (percentages as fractions
/// formatted "0.0%"), the unit and period under the title.
enum TableExports {
    enum Kind: String, CaseIterable {
        case targets, children, completeness, grid

        var label: String {
            switch self {
            case .targets: "chỉ tiêu và kết quả"
            case .children: "số liệu theo đơn vị trực thuộc"
            case .completeness: "tình hình gửi báo cáo"
            case .grid: "tiến độ nhiệm vụ 12 tháng"
            }
        }
    }

    static func counting(_ includesSubmitted: Bool) -> String {
        includesSubmitted ? "Tính cả số liệu đã gửi, chưa duyệt" : "Chỉ tính số liệu đã duyệt"
    }

    static func targets(_ targets: [ReviewReportExport.Target], unitName: String, period: ReportPeriod, includesSubmitted: Bool) -> SpreadsheetTable {
        SpreadsheetTable(
            sheetName: "Chỉ tiêu", title: "KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
            subtitle: [unitName, period.label, counting(includesSubmitted)],
            columns: [.init("Stt", width: 6, format: .integer), .init("Nhóm", width: 24), .init("Chỉ tiêu", width: 60), .init("Mức kế hoạch", width: 16),
                      .init("Tử số / số lượng", width: 14, format: .integer), .init("Mẫu số", width: 12, format: .integer),
                      .init("Kết quả", width: 12, format: .decimal), .init("Đơn vị tính", width: 10), .init("Đánh giá", width: 16),
                      .init("Giải thích", width: 40)],
            rows: targets.enumerated().map { index, target in
                [.number(Double(index + 1)), target.area.map(SpreadsheetTable.Value.text) ?? .empty, .text(target.text), .text(target.threshold),
                 number(target.numerator), number(target.denominator), number(target.evaluation.figure.map { ($0 * 10).rounded() / 10 }),
                 target.evaluation.figure == nil ? .empty : .text(target.threshold.contains("%") ? "%" : "số lượng"),
                 .text(target.evaluation.status.label), .text(target.evaluation.explanation)]
            })
    }

    static func children(_ page: DashboardPage) -> SpreadsheetTable {
        SpreadsheetTable(
            sheetName: "Đơn vị trực thuộc", title: "SỐ LIỆU THEO ĐƠN VỊ TRỰC THUỘC",
            subtitle: [page.unitName, page.period.label, "Chỉ số: \(page.indicator?.name ?? "—")", counting(page.includesSubmitted)],
            columns: [.init("Mã đơn vị", width: codeWidth(page.children.map(\.code))), .init("Đơn vị", width: 40), .init("Tử số / số lượng", width: 14, format: .integer),
                      .init("Mẫu số", width: 12, format: .integer), .init("Đơn vị báo cáo", width: 12, format: .integer),
                      .init("Đơn vị trực thuộc đạt", width: 14, format: .integer), .init("Đơn vị trực thuộc có số liệu", width: 14, format: .integer),
                      .init("Kết quả", width: 12, format: .percent), .init("Đánh giá", width: 16)],
            rows: page.children.map(childRow))
    }

    /// Wide enough for the longest code ("LC-DU-BINHLU-CB-PHIENGTONG"), within reason.
    static func codeWidth(_ codes: [String]) -> Double {
        Double(min(34, max(12, (codes.map(\.count).max() ?? 0) + 2)))
    }

    private static func childRow(_ child: DashboardPage.ChildLine) -> [SpreadsheetTable.Value] {
        let totals = child.totals
        let counts: [Double] = [Double(totals.numerator), Double(totals.denominator), Double(totals.reporting), Double(totals.childrenMeeting),
                                Double(totals.childrenCounted)]
        let share: Double? = HeadlineFigure.percent(child.value).map { $0 / 100 }
        let status: SpreadsheetTable.Value = child.status.map { .text($0.label) } ?? .empty
        return [.text(child.code), .text(child.name)] + counts.map { .number($0) } + [number(share), status]
    }

    static func completeness(_ result: CompletenessQuery.Result, unitName: String, period: ReportPeriod) -> SpreadsheetTable {
        func counts(_ counts: CompletenessCounts) -> [SpreadsheetTable.Value] {
            [counts.expected, counts.submitted, counts.approved, counts.onTime, counts.late, counts.missing].map { .number(Double($0)) }
        }
        return SpreadsheetTable(
            sheetName: "Tiến độ báo cáo", title: "TÌNH HÌNH GỬI BÁO CÁO", subtitle: [unitName, period.label],
            columns: [.init("Mã đơn vị", width: 16), .init("Đơn vị", width: 40)]
                + ["Phải báo cáo", "Đã gửi", "Đã duyệt", "Đúng hạn", "Muộn", "Chưa gửi"].map { .init($0, width: 11, format: .integer) },
            rows: result.children.map { [.text($0.code), .text($0.name)] + counts($0.counts) } + [[.empty, .text("Tổng cộng")] + counts(result.total)])
    }

    static func grid(_ page: PlanGridPage) -> SpreadsheetTable {
        let labels = Dictionary(uniqueKeysWithValues: PlanGridPage.legend.map { ($0.tone, $0.label) })
        return SpreadsheetTable(
            sheetName: "Tiến độ 12 tháng", title: "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ",
            subtitle: ["Kế hoạch \(page.plan.number) · \(page.plan.unitName)", "Đến ngày \(page.today)"],
            columns: [.init("Số", width: 8), .init("Nhiệm vụ", width: 50), .init("Chủ trì", width: 24)]
                + (1...12).map { .init("T\($0)", width: 11) },
            rows: page.rows.map { row in
                [.text(row.number), .text(row.fullText), .text(row.lead)]
                    + row.cells.map { cell in labels[cell.tone].map(SpreadsheetTable.Value.text) ?? .empty }
            })
    }

    private static func number(_ value: Double?) -> SpreadsheetTable.Value {
        value.map(SpreadsheetTable.Value.number) ?? .empty
    }
}
