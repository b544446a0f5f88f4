import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// Every document and table DanVan writes, with the name to save it under. The pages and
/// `danvan export` both come here, so a download and the command give the same file.
enum DocumentExports {
    struct File {
        let data: Data
        let name: String
    }

    static func plan(_ plan: Plan, on db: any Database) async throws -> File {
        File(data: try PlanDocxWriter.docx(try await PlanExportQuery.load(plan, on: db)), name: DocumentNames.plan(plan))
    }

    static func review(unit: OrgUnit, period: ReportPeriod, includeSubmitted: Bool, rollups: GenerationCache<RollupResult>,
                       on db: any Database) async throws -> File {
        let export = try await ReviewReportQuery.load(unit: unit, period: period, includeSubmitted: includeSubmitted, today: Today.date,
                                                      rollups: rollups, on: db)
        return File(data: try ReviewReportDocxWriter.docx(export), name: DocumentNames.review(unitCode: unit.code, period: period))
    }

    static func table(_ kind: TableExports.Kind, unit: OrgUnit, link: DashboardLink, rollups: GenerationCache<RollupResult>,
                      on db: any Database) async throws -> File {
        let table = try await spreadsheet(kind, unit: unit, link: link, rollups: rollups, on: db)
        return File(data: try XlsxWriter.xlsx([table]), name: DocumentNames.table(kind, unitCode: unit.code, period: link.period))
    }

    /// A unit's table for a period, for XLSX or CSV.
    static func spreadsheet(_ kind: TableExports.Kind, unit: OrgUnit, link: DashboardLink, rollups: GenerationCache<RollupResult>,
                            on db: any Database) async throws -> SpreadsheetTable {
        switch kind {
        case .targets:
            let rollup = try await RollupQuery.cached(rootID: unit.requireID, period: link.period, includeSubmitted: link.includeSubmitted,
                                                      in: rollups, on: db)
            let targets = try await ReviewTargetsQuery.load(unit: unit, year: link.period.year, rollup: rollup, on: db)
            return TableExports.targets(targets, unitName: unit.name, period: link.period, includesSubmitted: link.includeSubmitted)
        case .children:
            return TableExports.children(try await DashboardPage.build(unit: unit, period: link.period, indicatorID: link.indicatorID,
                                                                      includeSubmitted: link.includeSubmitted, rollups: rollups, on: db))
        case .completeness:
            return TableExports.completeness(try await CompletenessQuery.load(rootID: unit.requireID, period: link.period, on: db),
                                             unitName: unit.name, period: link.period)
        case .grid:
            throw AppError.invalid("table", "Bảng tiến độ 12 tháng thuộc về một kế hoạch: hãy chọn kế hoạch.")
        }
    }

    static func grid(_ plan: Plan, today: CivilDate, on db: any Database) async throws -> File {
        let page = try await PlanGridPage.query(plan, today: today, on: db)
        return File(data: try XlsxWriter.xlsx([TableExports.grid(page)]), name: DocumentNames.plan(plan) + " - tiến độ")
    }
}
