import DanVanCore
import Fluent
import SQLKit

/// One line of an inspection list.
struct InspectionRow: Encodable {
    let title: String
    let href: String
    let kind: String
    let inspector: String
    let subjects: String
    let dates: String
    let state: String

    static func rows(_ inspections: [Inspection], on db: any Database) async throws -> [InspectionRow] {
        var rows: [InspectionRow] = []
        for inspection in inspections {
            let context = try await InspectionContext.load(inspection.requireID, on: db)
            rows.append(InspectionRow(
                title: inspection.title, href: SiteRoute.inspection(inspection.requireID).path, kind: inspection.kind.label,
                inspector: context.unit.name, subjects: context.subjects.map(\.name).joined(separator: ", "),
                dates: InspectionRow.dates(inspection),
                state: inspection.concluded.map { "Đã kết luận ngày \($0.vietnamese)" } ?? "Chưa kết luận"))
        }
        return rows
    }

    static func dates(_ inspection: Inspection) -> String {
        let starts = CivilDate(parsing: inspection.startsOn), ends = CivilDate(parsing: inspection.endsOn)
        return starts == ends ? starts?.vietnamese ?? "" : "\(starts?.vietnamese ?? "") – \(ends?.vietnamese ?? "")"
    }
}

/// A requirement as the pages show it, with the steps the reader may take on it.
struct RequirementView: Encodable {
    let id: Int
    let version: Int
    let unitName: String
    let inspectionTitle: String
    let inspectionHref: String
    let text: String
    let due: String
    let state: String
    let timeliness: String?
    let late: Bool
    let actions: [SelectOption]
    let actionHref: String
    /// Files go with a report only, so only the inspected unit's form asks for them.
    let takesFiles: Bool
    let history: [HistoryLine]

    /// One step on a requirement, with the evidence files posted with it.
    struct HistoryLine: Encodable {
        struct FileLink: Encodable { let name: String; let href: String }
        let text: String
        let files: [FileLink]
    }

    static func make(_ row: InspectionQueries.RequirementRow, canReport: Bool, canDecide: Bool, history: [HistoryLine] = [],
                     today: CivilDate) -> RequirementView {
        let state = row.requirementState
        // The inspecting unit may also post for units below it, but its page offers only its own steps.
        let actions = RequirementAction.allCases.filter { action in
            action.next(from: state) != nil && (action.byInspectedUnit ? canReport && !canDecide : canDecide)
        }.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) }
        let timeliness = row.timeliness(today: today)
        return RequirementView(
            id: row.id, version: row.version, unitName: row.unit_name, inspectionTitle: row.inspection_title,
            inspectionHref: SiteRoute.inspection(row.inspection_id).path, text: row.text, due: CivilDate(parsing: row.due_on)?.vietnamese ?? row.due_on,
            state: state.label, timeliness: timeliness?.label, late: timeliness == .overdue || timeliness == .late, actions: actions,
            actionHref: SiteRoute.requirementAction(row.id).path, takesFiles: actions.contains { $0.value == RequirementAction.report.rawValue },
            history: history)
    }
}

/// `/inspections`: the year's inspections a unit's subtree made and underwent, the year's
/// figures, and what its units must still fix.
struct InspectionsPage: Encodable {
    struct PlanItemRow: Encodable {
        let month: String
        let kind: String
        let contents: String
        let subjects: String?
        let inspectionTitle: String?
        let inspectionHref: String?
        let recordHref: String?
    }

    struct CandidateRow: Encodable {
        let taskID: Int
        let text: String
        let months: String
        let plan: String
    }

    struct Figures: Encodable {
        let held: String
        let planned: Int
        let unitsInspected: Int
        let findings: String
        let requirements: TimelinessCounts
        let closedWithReason: Int
    }

    let unitName: String
    let unitCode: String
    let year: Int
    let yearChoice: YearChoice
    let canInspect: Bool
    let newHref: String
    let figures: Figures
    let plan: [PlanItemRow]
    let candidates: [CandidateRow]
    let fromTaskAction: String
    let made: [InspectionRow]
    let underwent: [InspectionRow]
    let requirements: [RequirementView]

    static func query(unit: OrgUnit, year: Int, years: ClosedRange<Int>, canInspect: Bool, today: CivilDate, on db: any Database) async throws -> InspectionsPage {
        let summary = try await InspectionQueries.summary(of: unit.requireID, year: year, today: today, on: db)
        let open = try await InspectionQueries.requirements(of: unit.requireID, openOnly: true, on: db)
        let items = try await InspectionPlanQueries.items(of: unit, year: year, on: db)
        let planned = Set(items.compactMap { $0.item.taskID })
        let candidates = canInspect ? try await InspectionPlanning.candidates(for: unit, year: year, on: db).filter { !planned.contains($0.task.requireID) } : []
        return InspectionsPage(
            unitName: unit.name, unitCode: unit.code, year: year,
            yearChoice: .make(action: SiteRoute.inspections.path, selected: year, years: years, keeping: ["unit": unit.code]),
            canInspect: canInspect, newHref: SiteRoute.inspectionNew.path + "?unit=\(unit.code)",
            figures: Figures(
                held: InspectionKind.allCases.compactMap { kind in summary.byKind[kind].map { "\(kind.label): \($0)" } }.joined(separator: "; "),
                planned: summary.planned, unitsInspected: summary.unitsInspected,
                findings: FindingType.allCases.map { "\($0.label): \(summary.findings[$0] ?? 0)" }.joined(separator: "; "),
                requirements: summary.requirements, closedWithReason: summary.closedWithReason),
            plan: items.map { entry in
                PlanItemRow(month: "Tháng \(entry.item.month)", kind: entry.item.kind.label, contents: entry.item.contents,
                            subjects: entry.subjects.isEmpty ? nil : entry.subjects.map(\.name).joined(separator: ", "),
                            inspectionTitle: entry.inspection?.title, inspectionHref: entry.inspection.map { SiteRoute.inspection($0.requireID).path },
                            recordHref: entry.inspection == nil && canInspect ? SiteRoute.inspectionNew.path + "?unit=\(unit.code)&item=\(entry.item.requireID)" : nil)
            },
            candidates: candidates.map { CandidateRow(taskID: $0.task.requireID, text: $0.task.text, months: $0.months.map(String.init).joined(separator: ", "),
                                                      plan: DocumentNames.planReference($0.plan)) },
            fromTaskAction: SiteRoute.inspectionPlanFromTask.path,
            made: try await InspectionRow.rows(try await InspectionQueries.inspections(by: unit.requireID, year: year, on: db), on: db),
            underwent: try await InspectionRow.rows(try await InspectionQueries.inspections(of: unit.requireID, year: year, on: db), on: db),
            requirements: open.map { RequirementView.make($0, canReport: false, canDecide: false, today: today) })
    }
}

/// The form to record an inspection; the units that may be inspected are the unit and those
/// below it to two levels.
struct InspectionFormPage: Encodable {
    let unitCode: String
    let unitName: String
    let values: InspectionPagesController.InspectionForm
    let kinds: [SelectOption]
    let subjects: [SelectOption]
    let action: String
    let cancelHref: String
    let errors: FormErrors

    static func make(unit: OrgUnit, form: InspectionPagesController.InspectionForm, errors: FormErrors, today: CivilDate,
                     on db: any Database) async throws -> InspectionFormPage {
        let chosen = Set(form.subjects ?? [])
        let units = try await UnitQueries.subtree(of: [unit.requireID], maxDepth: 2, on: db).filter { $0.isActive(on: today) }.sortedForDisplay(on: today)
        return InspectionFormPage(
            unitCode: unit.code, unitName: unit.name, values: form,
            kinds: InspectionKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == (form.kind ?? "")) },
            subjects: units.map { SelectOption(value: $0.code, label: $0.requireID == unit.requireID ? "\($0.name) (tự kiểm tra)" : $0.name,
                                               selected: chosen.contains($0.code)) },
            action: SiteRoute.inspectionNew.path, cancelHref: SiteRoute.inspections.path + "?unit=\(unit.code)", errors: errors)
    }
}

/// `/inspections/{id}`: an inspection, its findings and requirements; for the inspecting unit
/// the conclusion form while none is recorded, and the steps on each requirement.
struct InspectionPage: Encodable {
    struct FindingView: Encodable {
        let unitName: String
        let type: String
        let severity: String?
        let text: String
    }

    let id: Int
    let version: Int
    let title: String
    let kind: String
    let inspector: String
    let team: String
    let decision: String?
    let subjects: String
    let period: String?
    let dates: String
    let contents: String
    let concluded: String?
    let findings: [FindingView]
    let requirements: [RequirementView]
    let canConclude: Bool
    let conclusionAction: String
    let form: InspectionPagesController.InspectionForm
    let subjectCodes: String
    let docxHref: String
    let xlsxHref: String
    let errors: FormErrors

    static func query(_ context: InspectionContext, actor: Actor, form: InspectionPagesController.InspectionForm?, errors: FormErrors, today: CivilDate,
                      on db: any Database) async throws -> InspectionPage {
        let record = context.inspection
        let canDecide = try await Authorizer.allows(actor, .inspect, on: context.unit, db: db)
        let names = Dictionary(uniqueKeysWithValues: context.subjects.map { ($0.requireID, $0.name) })
        let findings = try await InspectionFinding.query(on: db).filter(\.$inspectionID == record.requireID).sort(\.$position).all()
        let rows = try await InspectionQueries.requirements(ofInspection: record.requireID, on: db)
        let events = try await history(of: rows.map(\.id), on: db)
        var requirements: [RequirementView] = []
        for row in rows {
            let responsible = context.subjects.first { $0.code == row.unit_code }
            let canReport = try await responsible.asyncMap { try await Authorizer.allows(actor, .updateTask, on: $0, db: db) } ?? false
            requirements.append(.make(row, canReport: canReport, canDecide: canDecide, history: events[row.id] ?? [], today: today))
        }
        let from = record.periodFrom.flatMap(CivilDate.init(parsing:)), to = record.periodTo.flatMap(CivilDate.init(parsing:))
        return InspectionPage(
            id: record.requireID, version: record.version, title: record.title, kind: record.kind.label, inspector: context.unit.name, team: record.team,
            decision: record.decisionNumber.map { "Quyết định số \($0)" + (record.decisionDate.flatMap(CivilDate.init(parsing:)).map { " ngày \($0.vietnamese)" } ?? "") },
            subjects: context.subjects.map(\.name).joined(separator: ", "),
            period: from == nil && to == nil ? nil : "\(from?.vietnamese ?? "…") – \(to?.vietnamese ?? "…")",
            dates: InspectionRow.dates(record), contents: record.contents,
            concluded: record.concluded.map { "Thông báo kết luận" + (record.conclusionNumber.map { " số \($0)" } ?? "") + " ngày \($0.vietnamese)" },
            findings: findings.map { FindingView(unitName: names[$0.unitID] ?? "", type: $0.type.label,
                                                 severity: $0.severityRaw.flatMap(FindingSeverity.init(rawValue:))?.label, text: $0.text) },
            requirements: requirements, canConclude: canDecide && record.concludedOn == nil,
            conclusionAction: SiteRoute.inspectionConclusion(record.requireID).path, form: form ?? InspectionPagesController.InspectionForm(),
            subjectCodes: context.subjects.map { "\($0.code) (\($0.name))" }.joined(separator: ", "),
            docxHref: SiteRoute.inspectionDocx(record.requireID).path, xlsxHref: SiteRoute.inspectionXlsx(record.requireID).path, errors: errors)
    }

    private static func history(of ids: [Int], on db: any Database) async throws -> [Int: [RequirementView.HistoryLine]] {
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable { let id: Int; let requirement_id: Int; let action: String; let on_date: String; let text: String; let actor_name: String }
        struct FileRow: Decodable { let id: Int; let event_id: Int; let original_name: String }
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT id, requirement_id, action, on_date, text, actor_name FROM requirement_events WHERE requirement_id IN (\(binds: ids)) ORDER BY id
            """).all(decoding: Row.self)
        let files = Dictionary(grouping: try await sql.raw("""
            SELECT id, event_id, original_name FROM requirement_files WHERE requirement_id IN (\(binds: ids)) ORDER BY id
            """).all(decoding: FileRow.self), by: \.event_id)
        return Dictionary(grouping: rows, by: \.requirement_id).mapValues { events in
            events.map { event in
                let label = RequirementAction(rawValue: event.action)?.label ?? event.action
                let date = CivilDate(parsing: event.on_date)?.vietnamese ?? event.on_date
                return RequirementView.HistoryLine(
                    text: "\(date) · \(label) · \(event.actor_name)" + (event.text.isEmpty ? "" : ": \(event.text)"),
                    files: (files[event.id] ?? []).map { .init(name: $0.original_name, href: SiteRoute.requirementFile($0.id).path) })
            }
        }
    }
}
