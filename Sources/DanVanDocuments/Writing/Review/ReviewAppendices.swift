import DanVanCore

/// The review report's appendix tables: target results, reporting by unit below, task progress.
enum ReviewAppendices {
    static func all(_ report: ReviewReportExport) -> [OfficialAppendix] {
        let note = "(Kèm theo Báo cáo \(report.header.numberInText) của \(report.unitName))"
        var appendices = [targets(report, note: note)]
        if !report.reporting.children.isEmpty { appendices.append(reporting(report, note: note)) }
        if !report.tasks.isEmpty { appendices.append(tasks(report, note: note)) }
        return appendices.enumerated().map { index, appendix in
            var numbered = appendix
            numbered.title = "PHỤ LỤC \(index + 1)\n" + appendix.title
            return numbered
        }
    }

    private static func targets(_ report: ReviewReportExport, note: String) -> OfficialAppendix {
        OfficialAppendix(
            title: "KẾT QUẢ THỰC HIỆN CHỈ TIÊU \(report.period.label.uppercased())", note: note,
            columns: [.init("Stt", weight: 5, centered: true), .init("Chỉ tiêu", weight: 43), .init("Mức kế hoạch", weight: 12, centered: true),
                      .init("Tử số / số lượng", weight: 10, centered: true), .init("Mẫu số", weight: 9, centered: true),
                      .init("Kết quả", weight: 9, centered: true), .init("Đánh giá", weight: 12, centered: true)],
            rows: report.targets.enumerated().map { index, target in
                [[String(index + 1)], [target.text], [target.threshold], [target.numerator.map(Threshold.format) ?? "—"],
                 [target.denominator.map(Threshold.format) ?? "—"], [target.evaluation.figure.map(percentOrCount) ?? "—"],
                 [target.evaluation.status.label]]
            })
    }

    private static func percentOrCount(_ figure: Double) -> String {
        Threshold.format((figure * 10).rounded() / 10)
    }

    private static func reporting(_ report: ReviewReportExport, note: String) -> OfficialAppendix {
        let rows = report.reporting.children.enumerated().map { index, line -> [[String]] in
            let counts = line.counts
            return [[String(index + 1)], [line.name]] + [counts.expected, counts.submitted, counts.approved, counts.onTime, counts.late, counts.missing]
                .map { [String($0)] }
        }
        let total = report.reporting.total
        let totalRow: [[String]] = [[""], ["Tổng cộng"]] + [total.expected, total.submitted, total.approved, total.onTime, total.late, total.missing]
            .map { [String($0)] }
        return OfficialAppendix(
            title: "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ TRỰC THUỘC", note: note,
            columns: [.init("Stt", weight: 5, centered: true), .init("Đơn vị", weight: 35)]
                + ["Phải báo cáo", "Đã gửi", "Đã duyệt", "Đúng hạn", "Muộn", "Chưa gửi"].map { .init($0, weight: 10, centered: true) },
            rows: rows + [totalRow])
    }

    private static func tasks(_ report: ReviewReportExport, note: String) -> OfficialAppendix {
        OfficialAppendix(
            title: "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", note: note,
            columns: [.init("Stt", weight: 5, centered: true), .init("Nhiệm vụ", weight: 50), .init("Chủ trì", weight: 18),
                      .init("Thời gian", weight: 12, centered: true), .init("Kết quả", weight: 15, centered: true)],
            rows: report.tasks.enumerated().map { index, task in
                [[String(index + 1)], [task.text.firstSentence], [task.leadName], [task.timing], [task.outcome.label]]
            })
    }
}
