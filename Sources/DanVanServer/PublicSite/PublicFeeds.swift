import DanVanCore
import DanVanDocuments
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
        // Only units with a page: those that chose one, and the communes' state side unless it chose otherwise.
        let units = try await OrgUnit.query(on: db).group(.or) { either in
            either.filter(\.$publicPage == true)
            either.group(.and) { byDefault in
                byDefault.filter(\.$publicPage == nil).filter(\.$level == UnitLevel.commune.rawValue)
                    .filter(\.$kind ~~ [UnitKind.peoplesCommittee.rawValue, UnitKind.peoplesCouncil.rawValue])
            }
        }.sort(\.$code).all().filter { PublicPages.isOn($0) && $0.isActive(on: today) }
        let ids = units.map(\.requireID)
        let plans = ids.isEmpty ? [] : try await Plan.query(on: db).filter(\.$unitID ~~ ids).filter(\.$status == .issued).sort(\.$id).all()
        let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.code) })
        var urls = units.map { base + SiteRoute.publicUnit($0.code).path }
        urls += plans.compactMap { plan in codes[plan.unitID].map { base + SiteRoute.publicPlan($0, plan.requireID).path } }
        return FeedXML.sitemap(urls)
    }

    static func atom(code: String, name: String, today: CivilDate, recent: [PublicUnitView.NoticeLine], base: String) -> String {
        let page = base + SiteRoute.publicUnit(code).path
        let entries = recent.map { notice in
            FeedXML.Entry(title: notice.title, id: "\(page)#cong-khai-\(notice.id)", link: page, updated: stamp(notice.startsOn),
                          summary: [notice.item, notice.period, notice.document, notice.span].compactMap { $0 }.joined(separator: " · "))
        }
        return FeedXML.atom(FeedXML.Feed(title: "\(name) · Thông tin công khai", page: page, selfLink: base + SiteRoute.publicFeed(code).path,
                                         author: name, updated: stamp(recent.map(\.startsOn).max() ?? today), entries: entries))
    }

    /// The newest publications of a unit (in force or ended), for its feed.
    static func recent(of unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [PublicUnitView.NoticeLine] {
        let rules = try await PublicationRules.binding(unit.requireID, on: db)
        return try await Publication.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$startsOn <= today.description).sort(\.$startsOn, .descending).sort(\.$id, .descending)
            .limit(30).all().map { PublicUnitView.notice($0, rules: rules) }
    }

    private static func stamp(_ date: CivilDate) -> String { "\(date.description)T00:00:00+07:00" }
}
