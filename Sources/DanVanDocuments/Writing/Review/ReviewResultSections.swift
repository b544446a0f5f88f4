import DanVanCore

/// The "Kết quả thực hiện" part of a review report, one numbered section each.
enum ReviewResultSections {
    static func targets(_ report: ReviewReportExport, number: String) -> [OfficialSection] {
        guard !report.targets.isEmpty else {
            return [.init(number: number, heading: "Kết quả thực hiện các chỉ tiêu", depth: 1, items: [
                .text("Kế hoạch năm \(report.period.year) của đơn vị chưa có chỉ tiêu nào được lưu trong DanVan."),
            ])]
        }
        let met = report.targets.filter { $0.evaluation.status == .met }.count
        let notMet = report.targets.filter { $0.evaluation.status == .notMet }.count
        let missing = report.targets.filter { $0.evaluation.status == .noData }
        var summary = "Trong \(report.targets.count) chỉ tiêu: \(met) chỉ tiêu đạt, \(notMet) chỉ tiêu chưa đạt"
        summary += missing.isEmpty ? "." : ", \(missing.count) chỉ tiêu chưa có số liệu để đánh giá (nêu tên dưới đây)."
        var sections = [OfficialSection(number: number, heading: "Kết quả thực hiện các chỉ tiêu", depth: 1, items: [.text(summary)])]
        let areas = orderedAreas(report.targets)
        if areas.count <= 1 {
            sections[0].items += report.targets.map(item)
        } else {
            for (index, area) in areas.enumerated() {
                sections.append(.init(number: "\(number).\(index + 1)", heading: area ?? "Các chỉ tiêu khác", depth: 2,
                                      items: report.targets.filter { $0.area == area }.map(item)))
            }
        }
        if !missing.isEmpty {
            let names = missing.map { "“\($0.text)”" }.joined(separator: "; ")
            sections[sections.count - 1].items.append(.text("Chưa có số liệu: \(names)."))
        }
        return sections
    }

    /// "- Trên 85% cán bộ ... được tập huấn: 350/400 = 87,5% so với chỉ tiêu trên 85%. Đạt."
    static func item(_ target: ReviewReportExport.Target) -> OfficialItem {
        let explanation = target.evaluation.explanation.hasSuffix(".") ? String(target.evaluation.explanation.dropLast())
            : target.evaluation.explanation
        switch target.evaluation.status {
        case .noData where explanation == "Chưa có số liệu": return .dash("\(target.text): chưa có số liệu.")
        case .noData: return .dash("\(target.text): chưa có số liệu (\(explanation.firstLetterLowercased)).")
        case .met, .notMet: return .dash("\(target.text): \(explanation). \(target.evaluation.status.label).")
        }
    }

    private static func orderedAreas(_ targets: [ReviewReportExport.Target]) -> [String?] {
        var areas: [String?] = []
        for target in targets where !areas.contains(target.area) { areas.append(target.area) }
        return areas
    }

    static func tasks(_ report: ReviewReportExport, number: String) -> [OfficialSection] {
        let heading = "Kết quả thực hiện nhiệm vụ"
        guard !report.tasks.isEmpty else {
            return [.init(number: number, heading: heading, depth: 1, items: [.text("Trong kỳ không có nhiệm vụ nào đến hạn.")])]
        }
        let counts = TaskPeriodOutcome.allCases.map { outcome in (outcome, report.tasks.filter { $0.outcome == outcome }.count) }
        let summary = "Trong kỳ có \(report.tasks.count) nhiệm vụ đến hạn: "
            + counts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.label.lowercased())" }.joined(separator: ", ") + "."
        var sections = [OfficialSection(number: number, heading: heading, depth: 1, items: [.text(summary)])]
        let letters = ["a", "b", "c", "d"]
        for (index, (outcome, count)) in counts.filter({ $0.1 > 0 }).enumerated() {
            let tasks = report.tasks.filter { $0.outcome == outcome }
            sections.append(.init(number: letters[index], heading: "Nhiệm vụ \(outcome.label.lowercased()) (\(count))", depth: 3,
                                  items: tasks.map { .dash("\($0.text.firstSentence) (\($0.leadName)).") }))
        }
        return sections
    }

    /// Targets about "Dân vận khéo" models and classification, when the plan has them.
    static func models(_ report: ReviewReportExport, number: String) -> [OfficialSection]? {
        let related = report.targets.filter {
            let folded = VietnameseFolding.fold($0.text)
            return folded.contains("mo hinh") || folded.contains("dan van kheo") || folded.contains("xep loai")
        }
        let figures = (report.models?.sentences ?? []).map(OfficialItem.text) + (report.classification?.sentences ?? []).map(OfficialItem.text)
        guard !related.isEmpty || !figures.isEmpty else { return nil }
        return [.init(number: number, heading: "Phong trào thi đua “Dân vận khéo”, đánh giá, xếp loại", depth: 1,
                      items: figures + related.map(item) + [
                          .placeholder("[Mô tả một số mô hình, điển hình “Dân vận khéo” tiêu biểu và kết quả đánh giá, xếp loại trong kỳ.]"),
                      ])]
    }

    /// Training and inspection, when the subtree held any in the year.
    static func trainingInspection(_ report: ReviewReportExport, number: String) -> [OfficialSection]? {
        guard let figures = report.trainingInspection, !figures.sentences.isEmpty else { return nil }
        return [.init(number: number, heading: "Công tác tập huấn, bồi dưỡng; kiểm tra, giám sát", depth: 1,
                      items: figures.sentences.map(OfficialItem.text))]
    }

    static func reporting(_ report: ReviewReportExport, number: String) -> [OfficialSection] {
        let total = report.reporting.total
        var items: [OfficialItem] = []
        if total.expected == 0 {
            items.append(.text("Kỳ \(report.period.label.firstLetterLowercased) không có đơn vị nào phải báo cáo số liệu."))
        } else {
            items.append(.text("Kỳ \(report.period.label.firstLetterLowercased): \(total.expected) báo cáo phải gửi, \(total.submitted) đã gửi "
                + "(\(total.onTime) đúng hạn, \(total.late) muộn), \(total.approved) đã duyệt, \(total.missing) chưa gửi."))
            if !report.reporting.missing.isEmpty {
                let more = report.reporting.missingNotNamed > 0 ? " và \(report.reporting.missingNotNamed) đơn vị khác" : ""
                items.append(.text("Đơn vị còn thiếu báo cáo trong kỳ: " + report.reporting.missing.joined(separator: ", ") + more + "."))
            }
        }
        return [.init(number: number, heading: "Công tác thông tin, báo cáo", depth: 1, items: items)]
    }
}
