/// The words of a notice, built only from facts marked safe to repeat in an inbox or an e-mail:
/// unit names, periods, plan and task titles, dates, reasons written by an official. A field
/// that is not one of these (a citizen's name, a denouncer's identity) has no case here, so it
/// cannot reach a notice or a mail by mistake.
public enum NotificationFact: Sendable, Equatable {
    case unit(String)
    case period(String)
    case plan(String)
    case task(String)
    case date(CivilDate)
    case reason(String)
    case person(official: String)
    /// A "Dân vận khéo" model's name, as the unit registered it (never the person of an exemplar).
    case model(String)

    /// Long titles are cut at a word: a notice is a line, the page it links to has the rest.
    var text: String {
        switch self {
        case .unit(let name): name
        case .period(let label): label
        case .plan(let title): title.clippedAtWord(160)
        case .task(let text): text.clippedAtWord(160)
        case .date(let date): date.vietnamese
        case .reason(let reason): reason.clippedAtWord(300)
        case .person(let name): name
        case .model(let name): name.clippedAtWord(160)
        }
    }
}

public struct NotificationText: Sendable, Equatable {
    public let title: String
    public let detail: String

    public init(_ kind: NotificationKind, _ facts: [NotificationFact]) {
        func first(_ pick: (NotificationFact) -> Bool) -> String {
            facts.first(where: pick)?.text ?? ""
        }
        let unit = first { if case .unit = $0 { true } else { false } }
        let period = first { if case .period = $0 { true } else { false } }
        let plan = first { if case .plan = $0 { true } else { false } }
        let task = first { if case .task = $0 { true } else { false } }
        let date = first { if case .date = $0 { true } else { false } }
        let reason = first { if case .reason = $0 { true } else { false } }
        let person = first { if case .person(let name) = $0, !name.isEmpty { true } else { false } }
        let model = first { if case .model = $0 { true } else { false } }
        let by = person.isEmpty ? "" : " (\(person))"
        switch kind {
        case .reportSubmitted:
            title = "\(unit) gửi báo cáo \(period) chờ duyệt"
            detail = "Báo cáo gửi lên\(by); hãy xem số liệu rồi duyệt hoặc trả lại."
        case .reportReturned:
            title = "Báo cáo \(period) bị trả lại"
            detail = "Lý do: \(reason)"
        case .reportApproved:
            title = "Báo cáo \(period) đã được duyệt"
            detail = "Cấp trên đã duyệt báo cáo của \(unit)\(by)."
        case .reportReopened:
            title = "Báo cáo \(period) được mở lại để sửa"
            detail = "Lý do: \(reason)"
        case .reportDueSoon:
            title = "Báo cáo \(period) đến hạn ngày \(date)"
            detail = "\(unit) chưa gửi báo cáo \(period)."
        case .reportOverdue:
            title = "Báo cáo \(period) đã quá hạn (hạn \(date))"
            detail = "\(unit) chưa gửi báo cáo \(period); hãy gửi ngay."
        case .taskReminded:
            title = "Đôn đốc: \(task)"
            detail = reason.isEmpty ? "Cấp trên đôn đốc nhiệm vụ\(by)." : "\(reason)\(by)"
        case .taskAssigned:
            title = "\(unit) được giao: \(task)"
            detail = plan.isEmpty ? "Hạn: \(date.isEmpty ? "theo chỉ đạo" : date)" : "Theo \(plan)"
        case .taskDueSoon:
            title = "Nhiệm vụ đến hạn ngày \(date): \(task)"
            detail = "\(unit) chủ trì; hãy cập nhật kết quả."
        case .taskOverdue:
            title = "Nhiệm vụ quá hạn (hạn \(date)): \(task)"
            detail = "\(unit) chủ trì; hãy cập nhật kết quả hoặc nêu lý do."
        case .planSentDown:
            title = "\(unit) ban hành \(plan)"
            detail = "Kế hoạch của cấp trên; đơn vị cần xây dựng kế hoạch thực hiện."
        case .planIssuedBelow:
            title = "\(unit) ban hành \(plan)"
            detail = "Kế hoạch của cấp dưới; có thể xem mức độ cụ thể hóa kế hoạch cấp trên."
        case .modelReturned:
            title = "Đăng ký mô hình “\(model)” bị trả lại"
            detail = "Lý do: \(reason)"
        case .modelRecognised:
            title = "Mô hình “\(model)” được công nhận"
            detail = "\(unit): \(reason)\(by)"
        case .sheetReturned:
            title = "Phiếu tự chấm điểm \(period) bị trả lại"
            detail = "Lý do: \(reason)"
        case .gradePublished:
            title = "Kết quả xếp loại \(period) của \(unit): \(reason)"
            detail = "Theo \(plan)\(by)."
        }
    }
}
