import DanVanCore
import Foundation

/// Links between dashboards keep the period, the indicator and the switch, so a number always
/// opens the units that make it up for the same figures.
struct DashboardLink {
    let period: ReportPeriod
    let indicatorID: Int?
    let includeSubmitted: Bool

    func href(_ route: SiteRoute) -> String {
        var items = [URLQueryItem(name: "period", value: period.code)]
        if let indicatorID { items.append(URLQueryItem(name: "indicator", value: String(indicatorID))) }
        if includeSubmitted { items.append(URLQueryItem(name: "submitted", value: "1")) }
        var components = URLComponents()
        components.queryItems = items
        return route.path + "?" + (components.percentEncodedQuery ?? "")
    }

    func with(indicator: Int) -> DashboardLink {
        DashboardLink(period: period, indicatorID: indicator, includeSubmitted: includeSubmitted)
    }
}
