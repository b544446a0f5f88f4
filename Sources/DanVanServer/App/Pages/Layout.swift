import DanVanCore
import Vapor

/// What every page's frame needs: who is signed in, the CSRF token for its forms, the menu.
struct Layout: Encodable {
    struct NavLink: Encodable {
        let label: String
        let href: String
        let current: Bool
        /// Things waiting in that part (reports to approve, tasks due), or nil.
        var count: Int? = nil
    }

    /// One step of "where am I": the unit, then its plan, then the task.
    struct Crumb: Encodable {
        let label: String
        /// nil when the reader may not open it, or it is the page itself.
        let href: String?
    }

    let title: String
    let csrf: String
    let userName: String?
    let userUnit: String?
    let roleLabel: String?
    let nav: [NavLink]
    let notice: String?
    let crumbs: [Crumb]
    let homeHref: String
    let logoutAction: String
    let stylesheet: String
    let uploadScript: String

    static func make(for req: Request, title: String, notice: String? = nil, unitName: String? = nil, crumbs: [Crumb] = [],
                     counts: MenuCounts = MenuCounts()) -> Layout {
        let user = req.auth.get(User.self)
        var links: [(String, SiteRoute, Int)] = []
        if let user {
            links.append(("Việc cần làm", .home, 0))
            links.append(("Thông báo", .notifications, counts.unread))
            links.append(("Đơn vị", .units, 0))
            links.append(("Kế hoạch", .plans, 0))
            links.append(("Nhiệm vụ", .tasks, counts.tasks))
            links.append(("Báo cáo", .reports, counts.reports))
            links.append(("Dân vận khéo", .models, 0))
            links.append(("Xếp loại", .classification, 0))
            links.append(("Tiếp dân", .citizens, 0))
            links.append(("Tập huấn", .training, 0))
            links.append(("Kiểm tra", .inspections, 0))
            links.append(("Công khai", .publications, 0))
            if user.userRole == .admin || user.userRole == .manager {
                links += [("Tài khoản", .users, 0), ("Nhật ký", .audit, 0)]
            }
            if user.userRole == .admin { links.append(("Thư đi", .adminMail, 0)) }
            links.append(("Cá nhân", .account, 0))
        }
        let path = req.url.path
        let nav = links.map { label, route, count in
            NavLink(label: label, href: route.path, current: route == .home ? path == "/" : path.hasPrefix(route.path), count: count > 0 ? count : nil)
        }
        return Layout(title: title, csrf: req.csrfToken, userName: user?.fullName, userUnit: unitName,
                      roleLabel: user?.userRole.label, nav: nav, notice: notice, crumbs: crumbs, homeHref: SiteRoute.home.path,
                      logoutAction: SiteRoute.logout.path, stylesheet: req.application.assets.href("css/app.css"),
                      uploadScript: req.application.assets.href("js/upload.js"))
    }
}

/// A page's own data beside its frame; templates read `layout.…` and `page.…`.
struct PageEnvelope<Page: Encodable>: Encodable {
    let layout: Layout
    let page: Page
}

extension Request {
    func renderPage<Page: Encodable>(_ template: String, title: String, _ page: Page, status: HTTPStatus = .ok,
                                     notice: String? = nil, crumbs: [Layout.Crumb] = []) async throws -> Response {
        let unitName: String? = if let known = storage[SessionUnitNameKey.self] { known }
            else { try await auth.get(User.self)?.unitID.asyncMap { try await OrgUnit.find($0, on: db)?.name } ?? nil }
        // The menu's numbers are a convenience: a page (an error page above all) still renders without them.
        let counts = try? await auth.get(User.self).asyncMap { try await application.personalCache.counts(for: $0, today: today, on: db) }
        let envelope = PageEnvelope(layout: .make(for: self, title: title, notice: notice, unitName: unitName, crumbs: crumbs,
                                                  counts: (counts ?? nil) ?? MenuCounts()), page: page)
        let response = try await view.render(template, envelope).encodeResponse(for: self)
        response.status = status
        return response
    }
}
