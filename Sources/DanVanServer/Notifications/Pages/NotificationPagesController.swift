import DanVanCore
import Fluent
import Vapor

/// "Việc cần làm" (the home page), the inbox, the person's notice preferences and e-mail
/// address, and the administrator's outbox.
struct NotificationPagesController {
    struct InboxPage: Encodable {
        let lines: [NotificationQueries.Line]
        let unread: Int
        let readAllAction = SiteRoute.notificationsReadAll.path
        let preferencesHref = SiteRoute.accountNotifications.path
    }

    struct EmailForm: Content {
        var email: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.home.pathComponents, use: home)
        routes.get(SiteRoute.notifications.pathComponents, use: inbox)
        routes.get(SiteRoute.notificationOpen(SiteRoute.anyID).pathComponents, use: open)
        routes.post(SiteRoute.notificationsReadAll.pathComponents, use: readAll)
        routes.get(SiteRoute.accountNotifications.pathComponents, use: preferences)
        routes.post(SiteRoute.accountNotifications.pathComponents, use: savePreferences)
        routes.post(SiteRoute.accountEmail.pathComponents, use: setEmail)
        routes.get(SiteRoute.accountEmailVerify.pathComponents, use: verifyEmail)
        routes.get(SiteRoute.adminMail.pathComponents, use: adminMail)
        routes.post(SiteRoute.adminMailRetry(SiteRoute.anyID).pathComponents, use: retryMail)
    }

    func home(req: Request) async throws -> Response {
        guard let user = req.auth.get(User.self) else { return req.redirect(to: SiteRoute.login.path) }
        let page = try await req.application.personalCache.toDo(for: user, today: req.today,
                                                                 relayConfigured: req.application.settings.smtpURL != nil, on: req.db)
        return try await req.renderPage("todo", title: "Việc cần làm", HTMLPage(body: page.description))
    }

    func inbox(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let lines = try await NotificationQueries.inbox(for: user, limit: 200, on: req.db)
        return try await req.renderPage("notifications", title: "Thông báo", InboxPage(lines: lines, unread: lines.filter { !$0.read }.count))
    }

    func open(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let link = try await NotificationQueries.open(try req.routeID(), for: user, on: req.db)
        req.application.personalCache.forget(user.requireID)
        return req.redirect(to: AuthPagesController.safeNext(link))
    }

    func readAll(req: Request) async throws -> Response {
        let user = try req.requireUser()
        _ = try await NotificationQueries.markAllRead(for: user, on: req.db)
        req.application.personalCache.forget(user.requireID)
        return req.redirect(to: SiteRoute.notifications.path)
    }

    func preferences(req: Request) async throws -> Response {
        try await renderPreferences(req)
    }

    func savePreferences(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode([String: String].self)
        let kinds = Set(form.keys.compactMap { key -> String? in
            for prefix in ["app.", "mail.", "kind."] where key.hasPrefix(prefix) { return String(key.dropFirst(prefix.count)) }
            return nil
        })
        let choices = kinds.sorted().map { kind in
            PreferenceSaving.Choice(kind: kind, inApp: form["app.\(kind)"] == "on", email: form["mail.\(kind)"] == "on")
        }
        do {
            try await PreferenceSaving.save(choices, timing: form["timing"] ?? "", for: user.requireID, by: try req.actor, on: req.db)
            return try await renderPreferences(req, message: "Đã lưu lựa chọn thông báo.")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderPreferences(req, errors: FormErrors(error), status: .unprocessableEntity)
        }
    }

    func setEmail(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(EmailForm.self)
        do {
            let queued = try await EmailVerification.setAddress(form.email ?? "", for: user.requireID, by: try req.actor, on: req.db)
            let message = queued ? "Đã gửi thư xác nhận tới \(form.email ?? ""); hãy mở liên kết trong thư để bắt đầu nhận thông báo."
                : (form.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? "Đã xóa địa chỉ thư." : "Địa chỉ thư không đổi."
            return try await renderPreferences(req, message: message)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderPreferences(req, errors: FormErrors(error), status: .unprocessableEntity, typedEmail: form.email)
        }
    }

    func verifyEmail(req: Request) async throws -> Response {
        do {
            let user = try await EmailVerification.verify(token: req.query[String.self, at: "token"] ?? "", on: req.db)
            let page = MessagePage(heading: "Đã xác nhận địa chỉ thư", text: "Từ nay thông báo của DanVan được gửi tới \(user.email ?? "").",
                                   link: SiteRoute.home.path, linkLabel: "Về trang Việc cần làm")
            return try await req.renderPage("message", title: "Xác nhận địa chỉ thư", page)
        } catch let error as AppError where error.status == .unprocessableEntity {
            let page = MessagePage(heading: "Không xác nhận được", text: error.reason, link: SiteRoute.accountNotifications.path,
                                   linkLabel: "Khai lại địa chỉ thư")
            return try await req.renderPage("message", title: "Xác nhận địa chỉ thư", page, status: .unprocessableEntity)
        }
    }

    func adminMail(req: Request) async throws -> Response {
        try req.requireAdmin()
        return try await req.renderPage("admin-mail", title: "Thư đi", try await AdminMailPage.query(settings: req.application.settings, on: req.db))
    }

    func retryMail(req: Request) async throws -> Response {
        try req.requireAdmin()
        let id = try req.routeID()
        let requeued = try await req.db.writeTransaction { tx in
            let done = try await MailOutbox.requeue(id, now: Date(), on: try UnitClosure.sqlDatabase(tx))
            if done {
                try await AuditLog.record("mail.retry", entityType: "mail", entityKey: "#\(id)", unitID: nil, before: ["state": "failed"],
                                          after: ["state": "queued"], by: try req.actor, on: tx)
            }
            return done
        }
        guard requeued else { throw AppError(.conflict, "Thư #\(id) không ở trạng thái gửi không được; không có gì để gửi lại.") }
        return req.redirect(to: SiteRoute.adminMail.path)
    }

    private func renderPreferences(_ req: Request, errors: FormErrors = .none, message: String? = nil, status: HTTPStatus = .ok,
                                   typedEmail: String? = nil) async throws -> Response {
        let user = try req.requireUser()
        guard let fresh = try await User.find(user.requireID, on: req.db) else { throw AppError.unauthenticated }
        var page = PreferencesPage(user: fresh, preferences: try await PreferenceSaving.current(for: user.requireID, on: req.db),
                                   errors: errors, message: message)
        if let typedEmail { page.email = typedEmail }
        return try await req.renderPage("notification-preferences", title: "Thông báo của tôi", page, status: status)
    }
}

/// A page whose body was built with `HTML` (escaped by construction) and is included as is.
struct HTMLPage: Encodable {
    let body: String
}

/// A page that says one thing and offers one way on.
struct MessagePage: Encodable {
    let heading: String
    let text: String
    let link: String
    let linkLabel: String
}
