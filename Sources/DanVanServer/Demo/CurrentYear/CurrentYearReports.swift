import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Monthly reports of this year through last month, every party organisation under the
/// Provincial Party Committee. Earlier months are approved (a few were late, one never sent);
/// last month is in motion as it would be today, each step taken through the use cases by the
/// person whose work it is: most approved, some waiting for the level above, one returned with
/// its reason, two sent after the deadline, one still a draft, some not sent at all.
enum CurrentYearReports {
    enum LastMonth {
        case approved, waiting, returned, late, draft, missing
    }

    static func load(programme: Int, today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        guard today.month > 1 else { return }
        let year = today.year
        let scope = try await UnitQueries.require(code: CurrentYearPlans.reportingScope, on: db)
        let units = try await DemoFigures.reportingUnits(scope: scope.requireID, year: year, months: 1...(today.month - 1), on: db)
        for month in 1..<today.month {
            guard let period = ReportPeriod(frequency: .month, year: year, index: month) else { continue }
            let last = month == today.month - 1
            for unit in units where unit.isActive(on: period.lastDay) {
                let form = try await ReportForm.load(unitID: unit.requireID, period: period, on: db)
                if last {
                    try await lastMonth(unit, form: form, fate: fate(of: unit.code, in: units), people: people, on: db)
                } else if !(unit.code.hasSuffix("-CB-HON") && month == 2) {
                    try await approved(unit, form: form, late: (DemoFigures.seed(unit.code) + month) % 7 == 0, people: people, on: db)
                }
            }
        }
    }

    /// Last month's story, by unit: fixed for the accounts a newcomer signs in with.
    static func fate(of code: String, in units: [OrgUnit]) -> LastMonth {
        switch code {
        case "LC-DU-BINHLU": return .waiting
        case "LC-DU-BINHLU-CB-NATAM": return .returned
        case "LC-DU-BINHLU-CB-PHIENGTONG": return .draft
        case "LC-DU-BANBO": return .late
        case "LC-DU-BANBO-CB-HON", "LC-DU-SONBINH-CB-HOBE": return .missing
        case "LC-DU-SONBINH-CB-CA": return .late
        case "LC-TU-BTGDV", "LC-DU-SONBINH": return .waiting
        default: return .approved
        }
    }

    private static func approved(_ unit: OrgUnit, form: ReportForm, late: Bool, people: DemoPeople, on db: any Database) async throws {
        let report = try await submit(unit, form: form, on: late ? form.deadline.adding(days: 3) : form.deadline.adding(days: -1), people: people, on: db)
        try await decide(.approve, report, unit: unit, on: form.deadline.adding(days: 4), people: people, on: db)
    }

    private static func lastMonth(_ unit: OrgUnit, form: ReportForm, fate: LastMonth, people: DemoPeople, on db: any Database) async throws {
        let before = form.deadline.adding(days: -2)
        switch fate {
        case .missing: return
        case .draft:
            _ = try await ReportEntering.enter(.save, form: form, input: DemoFigures.input(form.items, unitCode: unit.code, month: form.period.index),
                                               by: people.poster(for: unit.code), today: before, on: db)
        case .waiting: _ = try await submit(unit, form: form, on: before, people: people, on: db)
        case .late: _ = try await submit(unit, form: form, on: form.deadline.adding(days: 2), people: people, on: db)
        case .approved: try await approved(unit, form: form, late: false, people: people, on: db)
        case .returned:
            let report = try await submit(unit, form: form, on: before, people: people, on: db)
            try await decide(.returnToUnit, report, unit: unit, reason: "Mẫu số cán bộ chưa khớp với danh sách chi bộ; đề nghị rà soát và gửi lại.",
                             on: form.deadline.adding(days: 1), people: people, on: db)
        }
    }

    private static func submit(_ unit: OrgUnit, form: ReportForm, on day: CivilDate, people: DemoPeople, on db: any Database) async throws -> Report {
        let input = DemoFigures.input(form.items, unitCode: unit.code, month: form.period.index)
        let report = try await ReportEntering.enter(.submit, form: form, input: input, by: people.poster(for: unit.code), today: day, on: db)
        try await UnitClosure.sqlDatabase(db).update("reports").set("submitted_at", to: DemoClock.morning(of: day, hour: 15))
            .where("id", .equal, report.requireID).run()
        return report
    }

    /// The level above decides: the manager of the unit's parent (the province for a commune,
    /// the commune for its cells).
    private static func decide(_ action: ReportAction, _ report: Report, unit: OrgUnit, reason: String = "", on day: CivilDate,
                               people: DemoPeople, on db: any Database) async throws {
        let parent = try await unit.parentID.asyncMap { try await OrgUnit.find($0, on: db)?.code } ?? nil
        let decider = parent.map { people.manager(for: $0) } ?? DemoLoader.actor
        guard let fresh = try await Report.find(report.requireID, on: db) else { return }
        _ = try await ReportDeciding.decide(action, report: fresh, reason: reason, readVersion: fresh.version, by: decider, on: db)
        try await UnitClosure.sqlDatabase(db).update("reports").set("decided_at", to: DemoClock.morning(of: day, hour: 10))
            .where("id", .equal, report.requireID).run()
    }
}
