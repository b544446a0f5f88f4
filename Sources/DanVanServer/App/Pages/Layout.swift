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

    static func make(for req: Request, title: String, notice: String? = nil, unitName: String? = nil, crumbs: [Crumb] = []) -> Layout {
        let user = req.auth.get(User.self)
        var links: [(String, SiteRoute)] = []
        if let user {
            links.append(("Đơn vị", .units))
            links.append(("Kế hoạch", .plans))
            links.append(("Nhiệm vụ", .tasks))
            links.append(("Báo cáo", .reports))
            if user.userRole == .admin || user.userRole == .manager {
                links += [("Tài khoản", .users), ("Nhật ký", .audit)]
            }
            links.append(("Cá nhân", .account))
        }
        let nav = links.map { label, route in
            NavLink(label: label, href: route.path, current: req.url.path.hasPrefix(route.path))
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
        let envelope = PageEnvelope(layout: .make(for: self, title: title, notice: notice, unitName: unitName, crumbs: crumbs), page: page)
        let response = try await view.render(template, envelope).encodeResponse(for: self)
        response.status = status
        return response
    }
}
