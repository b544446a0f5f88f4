import DanVanCore

/// Directions for the next period, drawn from what the period left unfinished: tasks not done
/// first, then those under way or due again, then targets not yet met or not yet measured.
enum ReviewDirections {
    static func items(_ report: ReviewReportExport) -> [OfficialItem] {
        var items: [OfficialItem] = []
        for task in report.tasks where task.outcome == .notDone {
            items.append(.dash("Tập trung hoàn thành: \(task.text.firstSentence) (\(task.leadClause))."))
        }
        for task in report.tasks where task.outcome == .underWay || (task.continues && task.outcome != .notDone) {
            let when = task.timing.isEmpty ? "" : "; thời gian: \(task.timing)"
            items.append(.dash("Tiếp tục thực hiện: \(task.text.firstSentence) (\(task.leadClause)\(when))."))
        }
        for target in report.targets where target.evaluation.status == .notMet {
            items.append(.dash("Phấn đấu đạt chỉ tiêu: \(target.text) (\(target.evaluation.explanation.dropLast()))."))
        }
        for target in report.targets where target.evaluation.status == .noData {
            items.append(.dash("Theo dõi, tổng hợp số liệu để đánh giá chỉ tiêu: \(target.text)."))
        }
        items.append(.placeholder("[Bổ sung nhiệm vụ trọng tâm theo chỉ đạo của cấp trên.]"))
        return items
    }
}
