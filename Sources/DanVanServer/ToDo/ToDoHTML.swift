/// The to-do page's body, built once per person and cached with the page (see `PersonalCache`):
/// the layout around it is all a later view renders.
enum ToDoHTML {
    static func render(_ page: ToDoPage) -> HTML {
        var body = el("div", ["class": "bar"]) {
            el("h1") { "Việc cần làm" }
            if let dashboard = page.dashboardHref { el("a", ["class": "button secondary", "href": dashboard]) { "Bảng theo dõi" } }
        }
        body += el("p", ["class": "meta"]) { [page.unitName, page.roleLabel, "hôm nay \(page.today)"].compactMap { $0 }.joined(separator: " · ") }
        if let hint = page.emailHint {
            body += el("p", ["class": "notice"]) { hint; " "; el("a", ["href": page.preferencesHref]) { page.emailHintLink } }
        }
        if page.unreadCount > 0 { body += unread(page) }
        if page.viewerOnly {
            body += el("section", ["class": "card"]) {
                el("p") {
                    "Tài khoản chỉ xem: không có việc phải làm. Kết quả của đơn vị và các đơn vị cấp dưới ở "
                    if let dashboard = page.dashboardHref { el("a", ["href": dashboard]) { "Bảng theo dõi" } } else { "Bảng theo dõi" }
                    "."
                }
            }
        } else if page.total == 0 {
            body += el("section", ["class": "card"]) {
                el("p") { "Không có việc nào đang chờ. Khi có báo cáo cần gửi, báo cáo chờ duyệt hoặc nhiệm vụ đến hạn, chúng sẽ hiện ở đây." }
            }
        }
        for group in page.groups { body += section(group) }
        for line in page.more { body += el("p", ["class": "meta"]) { line } }
        return body
    }

    private static func unread(_ page: ToDoPage) -> HTML {
        el("section", ["class": "card"]) {
            el("div", ["class": "bar"]) {
                el("h2") { "Thông báo mới (\(page.unreadCount))" }
                el("a", ["href": page.inboxHref]) { "Xem tất cả" }
            }
            el("ul", ["class": "tasklist"]) {
                for line in page.unread {
                    el("li") { el("a", ["href": line.openHref]) { line.title }; HTML.void("br"); el("span", ["class": "meta"]) { line.detail } }
                }
            }
        }
    }

    private static func section(_ group: ToDoPage.Group) -> HTML {
        el("section", ["class": "card todo-group"]) {
            el("h2", ["class": "todo-\(group.tone)"]) { "\(group.label) (\(group.items.count))" }
            el("ul", ["class": "todo"]) {
                for item in group.items {
                    el("li") {
                        el("a", ["href": item.href]) { item.what }
                        el("span", ["class": "meta"]) { item.forWhom; " · "; el("strong") { item.dueLabel } }
                        if let note = item.note { el("span", ["class": "todo-note"]) { note } }
                    }
                }
            }
        }
    }
}
