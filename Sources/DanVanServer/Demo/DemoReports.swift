import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The demo's history (2023, before the reform): the province programme's targets measured by
/// indicators, every party organisation under the Provincial Party Committee reporting monthly,
/// January to November approved (a few late, one never sent), and December as the year closed:
/// one commune's report still waiting for the district, one returned, one a draft, one never
/// started. The periods are closed; the district may still approve what waits.
enum DemoReports {
    static let scopeUnit = "LC-TU"

    struct December {
        static let submitted = "TD-DU-BINHLU"
        static let returned = "TD-DU-BANBO"
        static let draft = "TD-DU-NATAM"
        static let missing = "TD-DU-BANHON"
        static let districtSubmitted = "TD-HU"
    }

    static func load(planIDs: [Int], on db: any Database) async throws {
        guard let programme = planIDs.first, let programmePlan = try await Plan.find(programme, on: db) else { return }
        for planID in planIDs { try await DemoFigures.confirmIndicators(planID: planID, on: db) }
        let scope = try await UnitQueries.require(code: scopeUnit, on: db)
        let scheme = ReportScheme(planID: programme, scopeUnitID: scope.requireID, frequency: .month)
        try await scheme.create(on: db)
        let year = programmePlan.year
        let form = try await ReportForm.load(unitID: scope.requireID, period: ReportPeriod(frequency: .month, year: year, index: 1)!, on: db)
        let units = try await DemoFigures.reportingUnits(scope: scope.requireID, year: year, on: db)
        for month in 1...12 {
            let period = ReportPeriod(frequency: .month, year: year, index: month)!
            for unit in units {
                try await insertReport(unit: unit, period: period, items: form.items, deadline: form.deadline, on: db)
            }
            try await ReportChildSums.rebuild(year: year, endMonth: month, on: db)
        }
        try await ReportGeneration.bump(on: db)
    }

    private static func insertReport(unit: OrgUnit, period: ReportPeriod, items: [ReportForm.Item], deadline: CivilDate,
                                     on db: any Database) async throws {
        guard let state = state(of: unit.code, in: period.index) else { return }
        let seed = DemoFigures.seed(unit.code)
        let report = Report(unitID: unit.requireID, period: period, deadline: period.deadline(afterDays: ReportScheme.defaultDeadlineDays))
        report.state = state
        report.late = state != .draft && (seed + period.index) % 7 == 0
        report.narrative = state == .draft ? "" : "Các chi bộ đã triển khai đầy đủ nhiệm vụ công tác dân vận trong tháng."
        if state == .returned { report.reason = "Mẫu số cán bộ chưa khớp với số liệu tổ chức; đề nghị rà soát và gửi lại." }
        if state != .draft { report.submittedAt = Date(timeIntervalSince1970: TimeInterval(deadline.dayNumber * 86_400)) }
        try await report.create(on: db)
        let entries = DemoFigures.entries(items, unitCode: unit.code, month: period.index)
        try await ReportEntering.replaceValues(of: report, entries: entries, on: db)
    }

    private static func state(of code: String, in month: Int) -> ReportState? {
        if code == December.missing, month == 5 { return nil }
        guard month == 12 else { return .approved }
        switch code {
        case December.submitted, December.districtSubmitted: return .submitted
        case December.returned: return .returned
        case December.draft: return .draft
        case December.missing: return nil
        default: return .approved
        }
    }
}
