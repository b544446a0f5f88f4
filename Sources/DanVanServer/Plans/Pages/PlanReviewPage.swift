import DanVanCore
import Fluent

/// The review screen: the document on one side, what was read on the other, every item
/// editable and linked to its line. Nothing is stored until the reviewer confirms.
struct PlanReviewPage: Encodable {
    struct Line: Encodable {
        let number: Int
        let text: String
        let isTable: Bool
    }

    struct TargetRow: Encodable {
        let index: Int
        let line: Int
        let text: String
        let comparators: [SelectOption]
        let value: String
        let upper: String
        let units: [SelectOption]
        let subject: String
    }

    struct TaskRow: Encodable {
        let index: Int
        let line: Int
        let section: String
        let text: String
        let timing: String
        let lead: String
        let coordinating: String
    }

    let filename: String
    let action: String
    let discardAction: String
    let kindIsPlan: Bool
    let lines: [Line]
    let warnings: [PlanDocument.Warning]
    let subject: String
    let number: String
    let year: String
    let issuedOn: String
    let issuer: String
    let unitCode: String
    let unitName: String?
    /// Nil: too many units for a picker; the code is typed.
    let unitChoices: [SelectOption]?
    let upperPlans: [SelectOption]
    let basis: [String]
    let targets: [TargetRow]
    let tasks: [TaskRow]
    let citationCount: Int
    let errors: FormErrors

    static func query(draft: PlanImportDraft, lines: [PlanLine], reading: PlanDocument, edits: PlanReviewEdits?,
                      errors: FormErrors, for user: User, on db: any Database) async throws -> PlanReviewPage {
        let guessedUnit = try await PlanPlacementResolver.unit(forIssuer: reading.issuer, year: reading.year, on: db)
        let unitCode = edits?.unitCode ?? guessedUnit?.code ?? ""
        let unit = try await UnitQueries.find(code: unitCode, on: db)
        let candidates = try await PlanAccess.readable(try await upperCandidates(reading, on: db), by: user, on: db)
        let named = Set(try await PlanPlacementResolver.upperPlans(for: reading, on: db).map(\.requireID))
        let chosenUpper = edits?.implementsPlanID ?? candidates.first { named.contains($0.requireID) }.map { String($0.requireID) }
        let draftID = draft.requireID
        return PlanReviewPage(
            filename: draft.filename, action: SiteRoute.planDraft(draftID).path, discardAction: SiteRoute.planDraftDiscard(draftID).path,
            kindIsPlan: reading.kind == .plan,
            lines: lines.map { Line(number: $0.number, text: $0.text, isTable: $0.isTableRow) },
            warnings: reading.warnings,
            subject: edits?.subject ?? reading.subject ?? "", number: edits?.number ?? reading.number.map { $0.number.isEmpty ? "" : $0.normalized } ?? "",
            year: edits?.year ?? reading.year.map(String.init) ?? "", issuedOn: edits?.issuedOn ?? reading.issuedOn ?? "",
            issuer: reading.issuer ?? "", unitCode: unitCode, unitName: unit?.name,
            unitChoices: try await PlanIssuerChoices.options(for: user, selected: unitCode, on: db),
            upperPlans: [SelectOption(value: "", label: "— không có / chưa lưu —", selected: chosenUpper == nil)]
                + candidates.map { SelectOption(value: String($0.requireID), label: "\($0.numberNormalized ?? "") năm \($0.year): \($0.subject)",
                                                selected: String($0.requireID) == chosenUpper) },
            basis: reading.basis.map { "\($0.typeName) \($0.normalized)" + ($0.issuedOn.map { " (\($0))" } ?? "") },
            targets: reading.targets.enumerated().map(targetRow), tasks: reading.tasks.enumerated().map(taskRow),
            citationCount: reading.citations.count, errors: errors)
    }

    /// Stored plans the document may implement: those it names as basis, else recent ones. The
    /// caller keeps those the reviewer may read.
    private static func upperCandidates(_ reading: PlanDocument, on db: any Database) async throws -> [Plan] {
        let numbers = reading.basis.map(\.normalized)
        let named = numbers.isEmpty ? [] : try await Plan.query(on: db).filter(\.$numberNormalized ~~ numbers).all()
        let sameYear = try await Plan.query(on: db).filter(\.$year == (reading.year ?? 0)).limit(30).all()
        var seen = Set<Int>()
        return (named + sameYear).filter { seen.insert($0.requireID).inserted }
    }

    private static func targetRow(_ index: Int, _ target: ParsedTarget) -> TargetRow {
        TargetRow(index: index, line: target.line, text: target.text,
                  comparators: TargetComparator.allCases.map { SelectOption(value: $0.rawValue, label: label($0), selected: $0 == target.comparator) },
                  value: target.value.map(format) ?? "", upper: target.upper.map(format) ?? "",
                  units: [SelectOption(value: "percent", label: "%", selected: target.unit == .percent),
                          SelectOption(value: "count", label: "số lượng", selected: target.unit == .count)],
                  subject: target.subject)
    }

    private static func taskRow(_ index: Int, _ task: PlanDocument.Task) -> TaskRow {
        TaskRow(index: index, line: task.line, section: task.section == "appendix" ? "Phụ lục" + (task.group.map { " · \($0)" } ?? "") : task.section,
                text: task.text, timing: task.timing.raw, lead: task.lead.joined(separator: "; "),
                coordinating: task.coordinating.joined(separator: "; "))
    }

    static func label(_ comparator: TargetComparator) -> String {
        switch comparator {
        case .gt: "trên (>)"
        case .ge: "từ … trở lên (≥)"
        case .eq: "bằng (=)"
        case .le: "không quá (≤)"
        case .lt: "dưới (<)"
        case .between: "từ … đến …"
        }
    }

    static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
