import DanVanCore
import Vapor

extension Request {
    /// The period, indicator and switch a dashboard or its tables were asked for.
    func dashboardRequest() async throws -> DashboardLink {
        let period = try await ReportPeriods.requested(query["period"], on: db)
        let indicatorText: String? = query["indicator"]
        let indicatorID = try indicatorText.flatMap { text -> Int? in
            guard !text.isEmpty else { return nil }
            guard let id = Int(text) else { throw AppError.invalid("indicator", "Mã chỉ số \"\(text)\" không hợp lệ.") }
            return id
        }
        let submitted: String? = query["submitted"]
        return DashboardLink(period: period, indicatorID: indicatorID, includeSubmitted: submitted == "1")
    }

    /// The unit named in the path, if the signed-in user may see it; else 404 or 403.
    func visibleUnit() async throws -> OrgUnit {
        let unit = try await UnitQueries.require(code: try routeParameter(), on: db)
        try await authorize(.viewUnit, on: unit)
        return unit
    }
}
