import DanVanCore
import Fluent
import Foundation

/// What search engines and feed readers take: robots.txt, the sitemap of public pages, and a
/// unit's Atom feed of publications. Built from the same allow-listed views as the pages.
enum PublicFeeds {
    static func robots(base: String) -> String {
        """
        User-agent: *
        Allow: /p/
        Allow: /tra-cuu
        Disallow: /
        Sitemap: \(base)\(SiteRoute.sitemap.path)

        """
    }

    static func sitemap(base: String, today: CivilDate, on db: any Database) async throws -> String {
        let units = try await OrgUnit.query(on: db).sort(\.$code).all().filter { PublicPages.isOn($0) && $0.isActive(on: today) }
        let ids = units.map(\.requireID)
        let plans = ids.isEmpty ? [] : try await Plan.query(on: db).filter(\.$unitID ~~ ids).filter(\.$status == .issued).sort(\.$id).all()
        let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.code) })
        var urls = units.map { base + SiteRoute.publicUnit($0.code).path }
        urls += plans.compactMap { plan in codes[plan.unitID].map { base + SiteRoute.publicPlan($0, plan.requireID).path } }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.map { "<url><loc>\(escape($0))</loc></url>\n" }.joined() + "</urlset>\n"
    }

    static func atom(_ view: PublicUnitView, recent: [PublicUnitView.NoticeLine], base: String) -> String {
        let page = base + SiteRoute.publicUnit(view.code).path
        let updated = recent.map(\.startsOn).max() ?? view.today
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "<title>\(escape(view.name)) · Thông tin công khai</title>\n<id>\(escape(page))</id>\n"
        out += "<link rel=\"alternate\" href=\"\(escape(page))\"/>\n<link rel=\"self\" href=\"\(escape(base + SiteRoute.publicFeed(view.code).path))\"/>\n"
        out += "<updated>\(stamp(updated))</updated>\n"
        for notice in recent {
            out += "<entry><title>\(escape(notice.title))</title><id>\(escape(page))#cong-khai-\(notice.id)</id>"
            out += "<link href=\"\(escape(page))\"/><updated>\(stamp(notice.startsOn))</updated><author><name>\(escape(view.name))</name></author>"
            out += "<summary>\(escape([notice.item, notice.period, notice.document, notice.span].compactMap { $0 }.joined(separator: " · ")))</summary></entry>\n"
        }
        return out + "</feed>\n"
    }

    /// The newest publications of a unit (in force or ended), for its feed.
    static func recent(of unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [PublicUnitView.NoticeLine] {
        let rules = try await PublicationRules.binding(unit.requireID, on: db)
        return try await Publication.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$startsOn <= today.description).sort(\.$startsOn, .descending).sort(\.$id, .descending)
            .limit(30).all().map { PublicUnitView.notice($0, rules: rules) }
    }

    private static func stamp(_ date: CivilDate) -> String { "\(date.description)T00:00:00+07:00" }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
    }
}
