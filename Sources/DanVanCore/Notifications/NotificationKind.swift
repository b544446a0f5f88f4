/// Everything DanVan tells a person about. The raw values are stored and are the names a
/// preference is given by; the labels are what the preference page and the inbox show.
public enum NotificationKind: String, CaseIterable, Sendable, Codable {
    case reportSubmitted = "report.submitted"
    case reportReturned = "report.returned"
    case reportApproved = "report.approved"
    case reportReopened = "report.reopened"
    case reportDueSoon = "report.due_soon"
    case reportOverdue = "report.overdue"
    case taskReminded = "task.reminded"
    case taskAssigned = "task.assigned"
    case taskDueSoon = "task.due_soon"
    case taskOverdue = "task.overdue"
    case planSentDown = "plan.sent_down"
    case planIssuedBelow = "plan.issued_below"
    case modelReturned = "model.returned"
    case modelRecognised = "model.recognised"
    case sheetReturned = "classification.returned"
    case gradePublished = "classification.published"

    public var label: String {
        switch self {
        case .reportSubmitted: "Báo cáo cấp dưới gửi lên chờ duyệt"
        case .reportReturned: "Báo cáo của đơn vị bị trả lại"
        case .reportApproved: "Báo cáo của đơn vị được duyệt"
        case .reportReopened: "Báo cáo của đơn vị được mở lại"
        case .reportDueSoon: "Báo cáo sắp đến hạn (còn 3 ngày)"
        case .reportOverdue: "Báo cáo quá hạn chưa gửi"
        case .taskReminded: "Cấp trên đôn đốc nhiệm vụ"
        case .taskAssigned: "Đơn vị được giao chủ trì hoặc phối hợp nhiệm vụ"
        case .taskDueSoon: "Nhiệm vụ sắp đến hạn (còn 3 ngày)"
        case .taskOverdue: "Nhiệm vụ quá hạn"
        case .planSentDown: "Cấp trên ban hành kế hoạch cần cụ thể hóa"
        case .planIssuedBelow: "Cấp dưới ban hành kế hoạch"
        case .modelReturned: "Đăng ký mô hình “Dân vận khéo” bị trả lại"
        case .modelRecognised: "Mô hình “Dân vận khéo” được công nhận"
        case .sheetReturned: "Phiếu tự chấm điểm xếp loại bị trả lại"
        case .gradePublished: "Cấp trên công bố kết quả xếp loại của đơn vị"
        }
    }

    /// Whose unit the notice is about, relative to the recipient: a recipient who may no longer
    /// see that unit's work no longer sees the notice.
    public var audience: NotificationAudience {
        switch self {
        case .reportSubmitted, .planIssuedBelow: .unitBelowRecipient
        case .planSentDown: .unitAboveRecipient
        default: .recipientsOwnUnit
        }
    }

    /// The kind a preference form names, or a message naming what is wrong.
    public static func parse(_ raw: String, field: String) -> Result<NotificationKind, ValidationIssue> {
        guard let kind = NotificationKind(rawValue: raw) else {
            return .failure(ValidationIssue(field: field, message: "Loại thông báo \"\(raw)\" không có trong danh sách; hãy tải lại trang."))
        }
        return .success(kind)
    }
}

/// Where the notice's unit must stand relative to the recipient's current unit for the
/// recipient to still see it.
public enum NotificationAudience: String, Sendable {
    /// The recipient's own unit (or a unit below it, after a reorganisation moved it under).
    case recipientsOwnUnit
    /// A unit below the recipient's (a report sent up, a plan issued below).
    case unitBelowRecipient
    /// A unit above the recipient's (a plan sent down to implement).
    case unitAboveRecipient
}

/// How a person wants a kind of notice.
public struct NotificationChannels: Sendable, Equatable {
    public var inApp: Bool
    public var email: Bool

    public init(inApp: Bool, email: Bool) {
        self.inApp = inApp
        self.email = email
    }

    /// No preference stored: shown in the app and sent by e-mail (once the address is verified).
    public static let standard = NotificationChannels(inApp: true, email: true)

    public var isOff: Bool { !inApp && !email }
}

/// When e-mail goes out: once a day in a digest, or each notice as it happens.
public enum MailTiming: String, CaseIterable, Sendable {
    case digest
    case immediate

    public var label: String {
        switch self {
        case .digest: "Gộp một thư mỗi ngày"
        case .immediate: "Gửi ngay từng thư"
        }
    }
}
