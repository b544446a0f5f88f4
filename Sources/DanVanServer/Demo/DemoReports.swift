import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The demo's reporting year (2023): the province programme's targets measured by indicators,
/// every party organisation under the Provincial Party Committee reporting monthly, January to
/// November approved (a few late, one never sent), and December in motion: one commune's report
/// waiting for the district, one returned with a reason, one still a draft, one not started, and
/// the district's waiting for the province.
enum DemoReports {
    static let scopeUnit = "LC-TU"
    /// Keeps 2023 open in the demo so the flow can still be tried; real plans keep the default.
    static let demoCloseDays = 3_650

    struct December {
        static let submitted = "TD-DU-BINHLU"
        static let returned = "TD-DU-BANBO"
        static let draft = "TD-DU-NATAM"
        static let missing = "TD-DU-BANHON"
        static let districtSubmitted = "TD-HU"
    }

    static func load(planIDs: [Int], on db: any Database) async throws {
        guard let programme = planIDs.first, let programmePlan = try await Plan.find(programme, on: db) else { return }
        for planID in planIDs { try await confirmIndicators(planID: planID, on: db) }
        let scope = try await UnitQueries.require(code: scopeUnit, on: db)
        let scheme = ReportScheme(planID: programme, scopeUnitID: scope.requireID, frequency: .month)
        scheme.closeDays = demoCloseDays
        try await scheme.create(on: db)
        let year = programmePlan.year
        let form = try await ReportForm.load(unitID: scope.requireID, period: ReportPeriod(frequency: .month, year: year, index: 1)!, on: db)
        let units = try await reportingUnits(scope: scope.requireID, year: year, on: db)
        for month in 1...12 {
            let period = ReportPeriod(frequency: .month, year: year, index: month)!
            for unit in units {
                try await insertReport(unit: unit, period: period, items: form.items, deadline: form.deadline, on: db)
            }
            try await ReportChildSums.rebuild(year: year, endMonth: month, on: db)
        }
        try await ReportGeneration.bump(on: db)
    }

    /// Each target gets the indicator its words suggest; a target copied from the plan above
    /// shares its parent's, so figures add up across levels.
    private static func confirmIndicators(planID: Int, on db: any Database) async throws {
        let targets = try await PlanTargetRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        for target in targets where target.indicatorID == nil {
            if let parentID = target.parentTargetID, let parent = try await PlanTargetRecord.find(parentID, on: db), parent.indicatorID != nil {
                target.indicatorID = parent.indicatorID
                try await target.save(on: db)
                continue
            }
            let parsed = ParsedTarget(text: target.text, comparator: target.threshold.comparator, value: target.value, upper: target.upper,
                                      unit: target.threshold.measure, subject: target.subject, line: target.line)
            let suggestion = IndicatorSuggestion.suggest(for: parsed)
            guard let plan = try await Plan.find(planID, on: db) else { continue }
            try await IndicatorConfirmation.perform(targetID: target.requireID, kind: suggestion.kind, name: suggestion.name,
                                                    planVersion: plan.version, by: DemoLoader.actor, on: db)
        }
    }

    private static func reportingUnits(scope: Int, year: Int, on db: any Database) async throws -> [OrgUnit] {
        let ids = try await UnitClosure.sqlDatabase(db).raw("SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: scope)")
            .all().map { try $0.decode(column: "descendant_id", as: Int.self) }
        let day = { (month: Int) in CivilDate(year: year, month: month, day: 1)! }
        return try await OrgUnit.query(on: db).filter(\.$id ~~ ids).sort(\.$code).all()
            .filter { $0.isActive(on: day(1)) || $0.isActive(on: day(12)) }
    }

    private static func insertReport(unit: OrgUnit, period: ReportPeriod, items: [ReportForm.Item], deadline: CivilDate,
                                     on db: any Database) async throws {
        guard let state = state(of: unit.code, in: period.index) else { return }
        let seed = unit.code.unicodeScalars.reduce(0) { ($0 * 31 + Int($1.value)) % 10_007 }
        let report = Report(unitID: unit.requireID, period: period, deadline: period.deadline(afterDays: ReportScheme.defaultDeadlineDays))
        report.state = state
        report.late = state != .draft && (seed + period.index) % 7 == 0
        report.narrative = state == .draft ? "" : "Các chi bộ đã triển khai đầy đủ nhiệm vụ công tác dân vận trong tháng."
        if state == .returned { report.reason = "Mẫu số cán bộ chưa khớp với số liệu tổ chức; đề nghị rà soát và gửi lại." }
        if state != .draft { report.submittedAt = Date(timeIntervalSince1970: TimeInterval(deadline.dayNumber * 86_400)) }
        try await report.create(on: db)
        let entries = items.enumerated().map { index, item in figures(item, index: index, seed: seed, month: period.index) }
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

    /// Year-to-date figures that grow through the year, different for each unit.
    private static func figures(_ item: ReportForm.Item, index: Int, seed: Int, month: Int) -> ReportEntry {
        let spread = (seed + index * 13) % 9
        switch item.kind {
        case .ratio:
            let denominator = 18 + (seed + index * 7) % 23
            let share = min(100, 48 + month * 3 + spread * 2)
            return ReportEntry(indicatorID: item.indicatorID, numerator: denominator * share / 100, denominator: denominator, comment: "")
        case .count, .childCoverage:
            return ReportEntry(indicatorID: item.indicatorID, numerator: (month + spread) / 4, denominator: nil, comment: "")
        case .yesNo:
            return ReportEntry(indicatorID: item.indicatorID, numerator: month + spread > 5 ? 1 : 0, denominator: nil, comment: "")
        }
    }
}
