import DanVanCore
import Fluent

/// Which period a page opens on, and the periods a user may choose.
enum ReportPeriods {
    /// A period code ("2025-03", "2025-Q1", "2025-H1", "2025"), or a refusal naming it.
    static func parse(_ code: String) throws -> ReportPeriod {
        guard let period = ReportPeriod(code: code) else {
            throw AppError.invalid("period", "Kỳ báo cáo \"\(code)\" không tồn tại; viết 2025-03, 2025-Q1, 2025-H1 hoặc 2025.")
        }
        return period
    }

    /// The requested period, or the latest anyone reported for, or last month.
    static func requested(_ code: String?, on db: any Database) async throws -> ReportPeriod {
        if let code, !code.isEmpty { return try parse(code) }
        if let latest = try await DashboardQueries.latestReportedPeriod(on: db) { return latest }
        let today = Today.date
        return ReportPeriod(frequency: .month, year: today.year, index: today.month)!.previous
    }

    static func defaultYear(on db: any Database) async throws -> Int {
        try await requested(nil, on: db).year
    }

    /// Months, quarters, halves and the year, in that order.
    static func choices(in year: Int) -> [ReportPeriod] {
        ReportFrequency.allCases.flatMap { $0.periods(in: year) }
    }
}
