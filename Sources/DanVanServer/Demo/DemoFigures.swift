import DanVanCore
import Fluent

/// What the demo's reports hold: year-to-date figures that grow through the year, different for
/// each unit, and every target measured by the indicator its words suggest.
enum DemoFigures {
    static func seed(_ code: String) -> Int {
        code.unicodeScalars.reduce(0) { ($0 * 31 + Int($1.value)) % 10_007 }
    }

    static func entries(_ items: [ReportForm.Item], unitCode: String, month: Int) -> [ReportEntry] {
        let seed = seed(unitCode)
        return items.enumerated().compactMap { index, item in
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
            case .modelShare, .modelPerUnit, .modelsRegistered, .modelsRecognised, .gradeShare, .ownGrade, .trainedShare, .publicationShare, .boardCoverage:
                return nil
            }
        }
    }

    /// The same figures as a form would send them.
    static func input(_ items: [ReportForm.Item], unitCode: String, month: Int) -> ReportInput {
        var input = ReportInput()
        for entry in entries(items, unitCode: unitCode, month: month) {
            input.figures[entry.indicatorID] = .init(numerator: entry.numerator.map(String.init) ?? "", denominator: entry.denominator.map(String.init) ?? "")
        }
        input.confirmJumps = true
        input.narrative = "Các chi bộ đã triển khai đầy đủ nhiệm vụ công tác dân vận trong tháng; nắm chắc tình hình Nhân dân."
        return input
    }

    /// Each target gets the indicator its words suggest; a target copied from the plan above
    /// shares its parent's, so figures add up across levels.
    static func confirmIndicators(planID: Int, on db: any Database) async throws {
        let targets = try await PlanTargetRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        for target in targets where target.indicatorID == nil {
            if let parentID = target.parentTargetID, let parent = try await PlanTargetRecord.find(parentID, on: db), parent.indicatorID != nil {
                target.indicatorID = parent.indicatorID
                try await target.save(on: db)
                continue
            }
            let parsed = ParsedTarget(text: target.text, comparator: target.threshold.comparator, value: target.value, upper: target.upper,
                                      unit: target.threshold.measure, subject: target.subject, line: target.line, level: target.level)
            let suggestion = IndicatorSuggestion.suggest(for: parsed)
            guard let plan = try await Plan.find(planID, on: db) else { continue }
            try await IndicatorConfirmation.perform(targetID: target.requireID, kind: suggestion.kind, name: suggestion.name,
                                                    planVersion: plan.version, by: DemoLoader.actor, on: db)
        }
    }

    /// Units of a scope's subtree that existed in some part of a year.
    static func reportingUnits(scope: Int, year: Int, months: ClosedRange<Int> = 1...12, on db: any Database) async throws -> [OrgUnit] {
        let ids = try await UnitClosure.sqlDatabase(db).raw("SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: scope)")
            .all().map { try $0.decode(column: "descendant_id", as: Int.self) }
        let days = months.compactMap { CivilDate(year: year, month: $0, day: 15) }
        return try await OrgUnit.query(on: db).filter(\.$id ~~ ids).sort(\.$code).all()
            .filter { unit in days.contains { unit.isActive(on: $0) } }
    }
}
