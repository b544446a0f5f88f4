import DanVanCore

/// "Thông báo của tôi": the e-mail address and its state, how mail is timed, and per kind of
/// notice whether it shows in the app and goes by mail.
struct PreferencesPage: Encodable {
    struct Row: Encodable {
        let kind: String
        let label: String
        let inApp: Bool
        let email: Bool
    }

    var email: String
    let emailState: String
    let verified: Bool
    let emailAction = SiteRoute.accountEmail.path
    let saveAction = SiteRoute.accountNotifications.path
    let timings: [SelectOption]
    let rows: [Row]
    let errors: FormErrors
    let message: String?

    init(user: User, preferences: [NotificationKind: NotificationChannels], errors: FormErrors = .none, message: String? = nil) {
        email = user.email ?? ""
        verified = user.emailVerifiedAt != nil
        emailState = user.email == nil ? "Chưa khai địa chỉ thư: thông báo chỉ hiện trong DanVan."
            : verified ? "Đã xác nhận." : "Chưa xác nhận: hãy mở liên kết trong thư DanVan vừa gửi; trước đó không có thư thông báo nào được gửi."
        timings = MailTiming.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == user.timing) }
        rows = NotificationKind.allCases.map { kind in
            let channels = preferences[kind] ?? .standard
            return Row(kind: kind.rawValue, label: kind.label, inApp: channels.inApp, email: channels.email)
        }
        self.errors = errors
        self.message = message
    }
}
