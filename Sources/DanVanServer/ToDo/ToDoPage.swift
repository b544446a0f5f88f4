import DanVanCore
import Fluent
import SQLKit

/// "Việc cần làm", the first page after sign-in: everything waiting on the user's unit and role,
/// most pressing first, each line linking to where it is done.
struct ToDoPage: Encodable {
    struct Group: Encodable {
        let label: String
        let tone: String
        let items: [ToDoItem]
    }

    let unitName: String?
    let roleLabel: String
    let today: String
    let groups: [Group]
    let total: Int
    /// "and N more" notes when a list was cut (tasks, approvals).
    let more: [String]
    let unread: [NotificationQueries.Line]
    let unreadCount: Int
    let inboxHref = SiteRoute.notifications.path
    let preferencesHref = SiteRoute.accountNotifications.path
    let dashboardHref: String?
    let emailHint: String?
    let emailHintLink: String
    let viewerOnly: Bool

    static func query(for user: User, today: CivilDate, relayConfigured: Bool, counts: MenuCounts, on db: any Database) async throws -> ToDoPage {
        let unit = try await user.unitID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        let items = try await items(for: user, unit: unit, today: today, relayConfigured: relayConfigured, on: db)
        let unread = try await NotificationQueries.inbox(for: user, unreadOnly: true, limit: 5, on: db)
        let sorted = items.list
        let groups = Dictionary(grouping: sorted, by: \.urgency.band).sorted { $0.key < $1.key }
            .map { Group(label: $0.key.label, tone: $0.key.tone, items: $0.value) }
        let hint: String? = user.userRole == .viewer ? nil : user.email == nil ? "Khai địa chỉ thư để nhận thông báo tổng hợp mỗi sáng."
            : user.emailVerifiedAt == nil ? "Địa chỉ thư \(user.email ?? "") chưa được xác nhận; chưa có thư thông báo nào được gửi tới." : nil
        return ToDoPage(unitName: unit?.name, roleLabel: user.userRole.label, today: today.vietnamese, groups: groups,
                        total: sorted.count, more: items.more, unread: unread, unreadCount: counts.unread,
                        dashboardHref: unit.map { SiteRoute.dashboard($0.code).path }, emailHint: hint,
                        emailHintLink: user.email == nil ? "Khai địa chỉ thư" : "Gửi lại thư xác nhận", viewerOnly: user.userRole == .viewer)
    }

    /// The user's items by role, most pressing first: a reporter sends reports and carries out
    /// tasks; a manager also approves and watches plans; a viewer only reads.
    static func items(for user: User, unit: OrgUnit?, today: CivilDate, relayConfigured: Bool,
                      on db: any Database) async throws -> (list: [ToDoItem], more: [String]) {
        var list: [ToDoItem] = []
        var more: [String] = []
        if user.userRole == .admin {
            list += try await mailItems(today: today, relayConfigured: relayConfigured, on: db)
        }
        guard let unit, user.userRole != .viewer else { return (list, more) }
        let unitID = unit.requireID
        list += try await ToDoReports.own(unit, today: today, on: db)
        let tasks = try await ToDoTasks.led(by: unit, today: today, on: db)
        list += tasks.items
        list += try await ToDoModels.returned(to: unit, today: today, on: db)
        list += try await ToDoClassification.own(unit, today: today, on: db)
        list += try await ToDoInspections.own(unit, today: today, on: db)
        list += try await ToDoRecommendations.own(unit, today: today, on: db)
        let publications = try await ToDoPublications.owed(by: unit, today: today, on: db)
        list += publications.items
        if publications.total > publications.items.count {
            more.append("Còn \(publications.total - publications.items.count) nội dung quá hạn công khai khác trong trang Công khai.")
        }
        let cases = try await ToDoCitizens.open(for: unit, today: today, on: db)
        list += cases.items
        if cases.total > cases.items.count {
            more.append("Còn \(cases.total - cases.items.count) vụ việc đơn thư quá hạn hoặc sắp đến hạn trong trang Tiếp dân.")
        }
        if tasks.total > tasks.items.count {
            more.append("Còn \(tasks.total - tasks.items.count) nhiệm vụ đến hạn khác trong trang Nhiệm vụ.")
        }
        if user.userRole == .manager || user.userRole == .admin {
            let waiting = try await ToDoReports.waitingApproval(below: unitID, today: today, on: db)
            list += waiting.items
            if waiting.total > waiting.items.count {
                more.append("Còn \(waiting.total - waiting.items.count) báo cáo chờ duyệt khác trong trang Báo cáo.")
            }
            list += try await ToDoPlans.lines(for: unit, today: today, on: db)
            list += try await ToDoModels.waiting(below: unit, today: today, on: db)
            list += try await ToDoClassification.waiting(in: unit, today: today, on: db)
            list += try await ToDoInspections.waiting(in: unit, today: today, on: db)
        }
        return (list.sorted { $0.urgency < $1.urgency }, more)
    }

    /// The administrator's: mail that could not be sent, and mail waiting because no relay is set.
    private static func mailItems(today: CivilDate, relayConfigured: Bool, on db: any Database) async throws -> [ToDoItem] {
        let counts = try await AdminMailPage.countsByState(on: db)
        var items: [ToDoItem] = []
        if let failed = counts[MailOutbox.State.failed.rawValue], failed > 0 {
            items.append(ToDoItem(.mail, what: "\(failed) thư thông báo gửi không được", forWhom: "Máy chủ thư", due: nil,
                                  href: SiteRoute.adminMail.path, urgency: .of(due: nil, today: today, waiting: true)))
        }
        if !relayConfigured, let queued = counts[MailOutbox.State.queued.rawValue], queued > 0 {
            items.append(ToDoItem(.mail, what: "Đặt máy chủ thư (DANVAN_SMTP_URL): \(queued) thư đang chờ gửi", forWhom: "Toàn hệ thống",
                                  due: nil, note: "Thư được giữ trong hàng chờ và gửi đi khi có máy chủ thư.",
                                  href: SiteRoute.adminMail.path, urgency: .of(due: nil, today: today, waiting: true)))
        }
        return items
    }
}
