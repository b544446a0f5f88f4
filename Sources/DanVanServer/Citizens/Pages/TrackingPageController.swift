import DanVanCore
import Fluent
import Foundation
import Vapor

/// The public tracking page (no sign-in): a citizen types the code from the receipt and sees
/// the status, the handling unit and the deadline; never a name, never what was written. An
/// unknown code and a code of a case that cannot be shown read the same; lookups from one
/// address are limited (`DANVAN_PUBLIC_LOOKUPS` per 10 minutes, see `PublicRateLimit`). What a code
/// shows is kept in memory for a minute (`PublicCache`): a case's status moves over days, and a
/// citizen checking again, or many checking at once, costs no database read.
struct TrackingPageController {
    static let window: TimeInterval = 600

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.track.pathComponents, use: track)
    }

    struct TrackingPage: Encodable {
        let action: String
        let typed: String
        let found: Found?
        let message: String?
    }

    struct Found: Encodable, Sendable {
        let code: String
        let unitName: String
        let received: String
        let status: String
        let due: String?
        let answered: String?
        let overdue: Bool
    }

    func track(req: Request) async throws -> Response {
        let typed = String((req.query[String.self, at: "code"] ?? "").prefix(40))
        guard !typed.trimmingCharacters(in: .whitespaces).isEmpty else {
            return try await render(req, TrackingPage(action: SiteRoute.track.path, typed: "", found: nil, message: nil))
        }
        guard req.application.publicRateLimit.allow(req.clientAddress ?? "unknown", limit: req.application.settings.publicLookups, window: Self.window) else {
            return try await render(req, TrackingPage(action: SiteRoute.track.path, typed: "", found: nil,
                                                      message: "Bạn đã tra cứu quá nhiều lần; vui lòng thử lại sau 10 phút."), status: .tooManyRequests)
        }
        let today = req.today
        let found = try await req.application.trackingCache.value(for: "\(today) \(TrackingCode.normalized(typed) ?? "")") {
            try await Self.lookup(typed, today: today, on: req.db)
        }
        let shown = FreeText.printable(typed.trimmingCharacters(in: .whitespaces))
        return try await render(req, TrackingPage(action: SiteRoute.track.path, typed: shown, found: found,
                                                  message: found == nil ? "Không tìm thấy vụ việc có mã \"\(shown)\". Kiểm tra lại mã trên phiếu tiếp nhận." : nil),
                                status: found == nil ? .notFound : .ok)
    }

    static func lookup(_ typed: String, today: CivilDate, on db: any Database) async throws -> Found? {
        guard let code = TrackingCode.normalized(typed), let record = try await CitizenCase.query(on: db).filter(\.$trackingCode == code).first(),
              let unit = try await OrgUnit.find(record.unitID, on: db) else { return nil }
        return Found(code: record.trackingCode, unitName: unit.name, received: record.received?.vietnamese ?? "", status: record.status.label,
                     due: record.status.isOpen ? record.due?.vietnamese : nil, answered: record.done?.vietnamese,
                     overdue: record.timeliness(today: today) == .overdue)
    }

    private func render(_ req: Request, _ page: TrackingPage, status: HTTPStatus = .ok) async throws -> Response {
        let html = TrackingHTML.render(page, stylesheet: req.application.assets.href("css/app.css"))
        let response = Response(status: status, body: .init(string: html.description))
        response.headers.contentType = .html
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}

extension Application {
    private struct PublicRateLimitKey: StorageKey {
        typealias Value = PublicRateLimit
    }

    private struct TrackingCacheKey: StorageKey {
        typealias Value = PublicCache<TrackingPageController.Found>
    }

    /// The tracking page's per-address limit, made at configuration.
    var publicRateLimit: PublicRateLimit {
        get { storage[PublicRateLimitKey.self] ?? PublicRateLimit() }
        set { storage[PublicRateLimitKey.self] = newValue }
    }

    /// What each tracking code shows, for a minute, made at configuration.
    var trackingCache: PublicCache<TrackingPageController.Found> {
        get { storage[TrackingCacheKey.self] ?? PublicCache(lifetime: 60) }
        set { storage[TrackingCacheKey.self] = newValue }
    }
}
