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

    /// What is stored, as input to change: the CSV and the API send only some figures, and the
    /// rest must stay as they are.
    static func storedInput(_ report: Report?, on db: any Database) async throws -> ReportInput {
        var input = ReportInput(version: report?.version)
        guard let report else { return input }
        input.narrative = report.narrative
        for (id, value) in try await values(reportID: report.requireID, on: db) {
            input.figures[id] = .init(numerator: value.numerator.map(String.init) ?? "",
                                      denominator: value.denominator.map(String.init) ?? "", note: value.comment)
        }
        return input
    }

    /// The unit's figures for the period before, to compare denominators with.
    static func previousValues(unitID: Int, period: ReportPeriod, on db: any Database) async throws -> [Int: ReportValue] {
        guard let previous = try await report(unitID: unitID, period: period.previous, on: db) else { return [:] }
        return try await values(reportID: previous.requireID, on: db)
    }
}
