import DanVanCore
import Foundation

/// The words of DanVan's mails, in Vietnamese, as plain text and HTML. Links are written with
/// `siteMarker` in place of the site's address, which the sender fills in from its settings.
enum MailComposer {
    static let siteMarker = "{{DANVAN_SITE}}"

    static func notice(_ notice: StoredNotice, to address: String) -> OutgoingMail {
        let link = siteMarker + notice.link
        let text = """
            \(notice.title)

            \(notice.detail)

            Xem: \(link)
            Việc cần làm của anh/chị: \(siteMarker)/

            \(footer)
            """
        let html = page(HTML.joined([el("p") { el("strong") { notice.title } }, el("p") { notice.detail },
                                     el("p") { el("a", ["href": link]) { "Mở trên DanVan" } }]))
        return OutgoingMail(userID: notice.userID, to: address, subject: "[DanVan] " + notice.title, text: text, html: html,
                            causeKey: "notice:\(notice.id)")
    }

    /// The day's notices in one mail; past the first `notices`, the rest are counted and left to the inbox.
    static func digest(_ notices: [StoredNotice], total: Int, userID: Int, to address: String, day: CivilDate) -> OutgoingMail {
        let heading = "Tổng hợp thông báo ngày \(day.vietnamese): \(total) việc mới."
        let rest = total > notices.count ? "Còn \(total - notices.count) thông báo khác trong DanVan: \(siteMarker)\(SiteRoute.notifications.path)" : ""
        let lines = notices.map { "- \($0.title)\n  \($0.detail)\n  \(siteMarker)\($0.link)" }.joined(separator: "\n")
        let text = """
            \(heading)

            \(lines)
            \(rest)

            Việc cần làm của anh/chị: \(siteMarker)/

            \(footer)
            """
        let list = el("ul") {
            for notice in notices {
                el("li") { el("a", ["href": siteMarker + notice.link]) { notice.title }; HTML.void("br"); notice.detail }
            }
        }
        let html = page(HTML.joined([el("p") { heading }, list,
                                     rest.isEmpty ? .empty : el("p") { "Còn \(total - notices.count) thông báo khác trong DanVan." },
                                     el("p") { el("a", ["href": siteMarker + "/"]) { "Mở trang Việc cần làm" } }]))
        return OutgoingMail(userID: userID, to: address, subject: "[DanVan] \(total) thông báo mới ngày \(day.vietnamese)", text: text, html: html,
                            causeKey: "digest:\(userID):\(day)")
    }

    static func verification(userID: Int, to address: String, token: String) -> OutgoingMail {
        let link = siteMarker + SiteRoute.accountEmailVerify.path + "?token=" + token
        let text = """
            Anh/chị vừa khai địa chỉ thư này cho tài khoản DanVan.
            Để nhận thông báo qua thư, hãy mở liên kết sau trong vòng \(EmailVerification.validHours) giờ:

            \(link)

            Nếu không phải anh/chị khai, hãy bỏ qua thư này; không có thư nào khác được gửi tới địa chỉ này.
            """
        let html = page(HTML.joined([el("p") { "Anh/chị vừa khai địa chỉ thư này cho tài khoản DanVan." },
                                     el("p") { el("a", ["href": link]) { "Xác nhận địa chỉ thư" } },
                                     el("p") { "Liên kết có hiệu lực trong \(EmailVerification.validHours) giờ. Nếu không phải anh/chị khai, hãy bỏ qua thư này." }]))
        return OutgoingMail(userID: userID, to: address, subject: "[DanVan] Xác nhận địa chỉ thư", text: text, html: html,
                            causeKey: "verify:\(userID):\(SecretToken.hash(token).prefix(16))")
    }

    private static let footer = "Thư tự động từ DanVan. Chọn loại thông báo nhận qua thư tại: \(siteMarker)\(SiteRoute.accountNotifications.path)"

    private static func page(_ body: HTML) -> String {
        HTML.document(lang: "vi") {
            body
            el("p", ["style": "color:#666;font-size:12px"]) {
                "Thư tự động từ DanVan. "
                el("a", ["href": siteMarker + SiteRoute.accountNotifications.path]) { "Chọn loại thông báo nhận qua thư" }
            }
        }.description
    }
}
