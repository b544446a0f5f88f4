import DanVanCore
import Fluent
import SQLKit

/// Finding a unit's report and its figures.
enum ReportLookup {
    static func report(unitID: Int, period: ReportPeriod, on db: any Database) async throws -> Report? {
        try await Report.query(on: db)
            .filter(\.$unitID == unitID).filter(\.$year == period.year).filter(\.$endMonth == period.lastMonth)
            .first()
    }

    static func values(reportID: Int, on db: any Database) async throws -> [Int: ReportValue] {
        let rows = try await UnitClosure.sqlDatabase(db).select().column("*").from(ReportValue.table)
            .where("report_id", .equal, reportID).all(decoding: ReportValue.self)
        return Dictionary(rows.map { ($0.indicator_id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The unit's figures for the period before, to compare denominators with.
    static func previousValues(unitID: Int, period: ReportPeriod, on db: any Database) async throws -> [Int: ReportValue] {
        guard let previous = try await report(unitID: unitID, period: period.previous, on: db) else { return [:] }
        return try await values(reportID: previous.requireID, on: db)
    }
}
