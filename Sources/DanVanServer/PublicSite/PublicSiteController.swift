import DanVanCore
import Fluent
import Foundation
import Vapor

/// The public side, no sign-in: a unit's page (`/p/{code}`), its issued plans, its feed, the
/// form to send a recommendation; robots.txt and the sitemap. Pages are kept per report
/// generation and day; a former unit's address sends to its successor's; a unit without a public
/// page reads as unknown.
struct PublicSiteController {
    static let formBytes = 32_768
    static let submissionWindow: TimeInterval = 3_600

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.publicUnit(SiteRoute.anyCode).pathComponents) { try await remembered($0, unitPage) }
        routes.get(SiteRoute.publicPlan(SiteRoute.anyCode, SiteRoute.anyID).pathComponents) { try await remembered($0, planPage) }
        routes.get(SiteRoute.publicPlanDocx(SiteRoute.anyCode, SiteRoute.anyID).pathComponents, use: planDocx)
        routes.get(SiteRoute.publicFeed(SiteRoute.anyCode).pathComponents) { try await remembered($0, feed) }
        routes.get(SiteRoute.publicSend(SiteRoute.anyCode).pathComponents, use: sendForm)
        routes.upload(.POST, SiteRoute.publicSend(SiteRoute.anyCode).pathComponents, limit: Self.formBytes, use: send)
        routes.get(SiteRoute.robots.pathComponents, use: robots)
        routes.get(SiteRoute.sitemap.pathComponents) { try await remembered($0, sitemap) }
    }

    /// A public answer as it went out, kept for `DANVAN_PUBLIC_CACHE_SECONDS` per path and day, so
    /// that a crowd costs no database read; behind it, pages are rebuilt once per report generation.
    struct Answer: Sendable {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String
    }

    private func remembered(_ req: Request, _ handler: @escaping @Sendable (Request) async throws -> Response) async throws -> Response {
        let key = "\(req.today)|\(req.headers.first(name: .host) ?? "")|\(req.url.path)"
        let answer = try await req.application.publicAnswers.value(for: key) {
            let response = try await handler(req)
            return Answer(status: response.status, headers: response.headers, body: response.body.string ?? "")
        }
        guard let answer else { return refuse(.notFound, req) }
        return Response(status: answer.status, headers: answer.headers, body: .init(string: answer.body))
    }

    /// Answers for the public unit the path names, or refuses: a former unit's address is sent to
    /// its one successor's (`rebuild` makes the same path for another code); an unknown unit and a
    /// unit without a public page read the same.
    private func serving(_ req: Request, rebuild: (String) -> SiteRoute, _ answer: (OrgUnit) async throws -> Response) async throws -> Response {
        guard let unit = try await UnitQueries.find(code: req.parameters.get("id") ?? "", on: req.db) else { return refuse(.notFound, req) }
        if !unit.isActive(on: req.today) {
            let successors = try await UnitQueries.successorCodes(of: unit.requireID, on: req.db)
            if successors.count == 1, let next = successors.first { return refuse(.moved(rebuild(next).path), req) }
            return refuse(.notFound, req)
        }
        guard PublicPages.isOn(unit) else { return refuse(.notFound, req) }
        return try await answer(unit)
    }

    enum PublicRefusal {
        case notFound
        case moved(String)
    }

    private func refuse(_ refusal: PublicRefusal, _ req: Request) -> Response {
        switch refusal {
        case .moved(let path):
            return req.redirect(to: path, redirectType: .permanent)
        case .notFound:
            let html = PublicHTML.page(title: "Không tìm thấy trang", stylesheet: req.application.assets.href("css/app.css")) {
                el("section", ["class": "card narrow"]) {
                    el("h1") { "Không tìm thấy trang" }
                    el("p") { "Đơn vị này chưa có trang thông tin công khai, hoặc địa chỉ không đúng." }
                    el("p") { el("a", ["href": SiteRoute.track.path]) { "Tra cứu kết quả giải quyết kiến nghị" } }
                }
            }
            return Self.html(html.description, status: .notFound, cache: false)
        }
    }

    func unitPage(req: Request) async throws -> Response {
        try await serving(req, rebuild: { SiteRoute.publicUnit($0) }) { unit in
            let today = req.today, stylesheet = req.application.assets.href("css/app.css"), db = req.db
            let body = try await req.application.publicPageCache.value(for: "unit|\(unit.code)|\(today)", on: req.db) {
                PublicHTML.unit(try await PublicUnitView.load(unit, today: today, on: db), stylesheet: stylesheet).description
            }
            return Self.html(body, status: .ok, cache: true)
        }
    }

    func planPage(req: Request) async throws -> Response {
        let id = req.parameters.get("plan").flatMap(Int.init) ?? 0
        return try await serving(req, rebuild: { SiteRoute.publicPlan($0, id) }) { unit in
            let stylesheet = req.application.assets.href("css/app.css"), db = req.db
            let body = try await req.application.publicPageCache.value(for: "plan|\(unit.code)|\(id)", on: req.db) {
                guard let (view, _) = try await PublicPlanView.load(id, of: unit, on: db) else { return "" }
                return PublicHTML.plan(view, stylesheet: stylesheet).description
            }
            return body.isEmpty ? refuse(.notFound, req) : Self.html(body, status: .ok, cache: true)
        }
    }

    func planDocx(req: Request) async throws -> Response {
        let id = req.parameters.get("plan").flatMap(Int.init) ?? 0
        return try await serving(req, rebuild: { SiteRoute.publicPlanDocx($0, id) }) { unit in
            guard let (_, plan) = try await PublicPlanView.load(id, of: unit, on: req.db) else { return refuse(.notFound, req) }
            let file = try await DocumentExports.plan(plan, on: req.db)
            return DocumentDownload.response(file.data, kind: .docx, name: file.name)
        }
    }

    func feed(req: Request) async throws -> Response {
        try await serving(req, rebuild: { SiteRoute.publicFeed($0) }) { unit in
            let today = req.today, base = baseURL(req), db = req.db
            let body = try await req.application.publicPageCache.value(for: "feed|\(unit.code)|\(today)|\(base)", on: req.db) {
                PublicFeeds.atom(code: unit.code, name: unit.name, today: today, recent: try await PublicFeeds.recent(of: unit, today: today, on: db), base: base)
            }
            let response = Response(status: .ok, body: .init(string: body))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
            response.headers.cacheControl = .init(isPublic: true, maxAge: 300)
            return response
        }
    }

    func robots(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: PublicFeeds.robots(base: baseURL(req))))
        response.headers.contentType = .plainText
        return response
    }

    func sitemap(req: Request) async throws -> Response {
        let today = req.today, base = baseURL(req), db = req.db
        let body = try await req.application.publicPageCache.value(for: "sitemap|\(today)|\(base)", on: req.db) {
            try await PublicFeeds.sitemap(base: base, today: today, on: db)
        }
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = .xml
        return response
    }

    func sendForm(req: Request) async throws -> Response {
        try await serving(req, rebuild: { SiteRoute.publicSend($0) }) { unit in
            renderForm(req, unit: unit, values: PublicSubmission.Input(), errors: .none, status: .ok)
        }
    }

    func send(req: Request) async throws -> Response {
        try await serving(req, rebuild: { SiteRoute.publicSend($0) }) { unit in
            let input = (try? req.content.decode(PublicSubmission.Input.self)) ?? PublicSubmission.Input()
            let address = req.clientAddress ?? "unknown"
            guard req.application.publicRateLimit.allow("send|" + address, limit: req.application.settings.publicSubmissions, window: Self.submissionWindow) else {
                return renderForm(req, unit: unit, values: input, errors: FormErrors(summary: "Địa chỉ của bạn đã gửi quá nhiều lần; vui lòng thử lại sau 1 giờ.", byField: [:]),
                                  status: .tooManyRequests)
            }
            do {
                let record = try await PublicSubmission.submit(input, to: unit, today: req.today, on: req.db)
                return renderReceipt(req, unit: unit, code: record.trackingCode, due: record.due?.vietnamese)
            } catch let error as AppError where [.unprocessableEntity, .badRequest].contains(error.status) {
                return renderForm(req, unit: unit, values: input, errors: FormErrors(error), status: error.status)
            }
        }
    }

    private func renderForm(_ req: Request, unit: OrgUnit, values: PublicSubmission.Input, errors: FormErrors, status: HTTPStatus) -> Response {
        let html = PublicSendHTML.form(unit: unit, action: SiteRoute.publicSend(unit.code).path, csrf: req.csrfToken, values: values, errors: errors,
                                       stylesheet: req.application.assets.href("css/app.css"))
        return Self.html(html.description, status: status, cache: false)
    }

    private func renderReceipt(_ req: Request, unit: OrgUnit, code: String, due: String?) -> Response {
        let html = PublicSendHTML.receipt(unit: unit, code: code, due: due, stylesheet: req.application.assets.href("css/app.css"))
        return Self.html(html.description, status: .created, cache: false)
    }

    private func baseURL(_ req: Request) -> String {
        if let configured = req.application.settings.publicURL, !configured.isEmpty { return String(configured.trimmingSuffix("/")) }
        let host = req.headers.first(name: .host).map { FreeText.printable(String($0.prefix(100))) } ?? "\(req.application.settings.hostname):\(req.application.settings.port)"
        return "http://" + host.filter { !$0.isWhitespace && $0 != "\"" && $0 != "<" && $0 != ">" }
    }

    static func html(_ body: String, status: HTTPStatus, cache: Bool) -> Response {
        let response = Response(status: status, body: .init(string: body))
        response.headers.contentType = .html
        response.headers.cacheControl = cache ? .init(isPublic: true, maxAge: 60) : .init(noStore: true)
        return response
    }
}

extension Application {
    private struct PublicPageCacheKey: StorageKey {
        typealias Value = GenerationCache<String>
    }

    private struct PublicAnswersKey: StorageKey {
        typealias Value = PublicCache<PublicSiteController.Answer>
    }

    /// The public answers as they went out, for a short lifetime (made at configuration).
    var publicAnswers: PublicCache<PublicSiteController.Answer> {
        get { storage[PublicAnswersKey.self] ?? PublicCache(lifetime: 0) }
        set { storage[PublicAnswersKey.self] = newValue }
    }

    /// The public pages as rendered, per report generation (made at configuration).
    var publicPageCache: GenerationCache<String> {
        get { storage[PublicPageCacheKey.self] ?? GenerationCache<String>(capacity: 1_024) }
        set { storage[PublicPageCacheKey.self] = newValue }
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : Substring(self)
    }
}
