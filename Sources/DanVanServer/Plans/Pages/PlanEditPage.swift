import DanVanCore
import Fluent

/// The edit view of a plan: each target's threshold and each task's lead unit, time and
/// expected result, one small form per item; issuing a draft. An item sent back with an error
/// shows what the user typed.
struct PlanEditPage: Encodable {
    struct Target: Encodable {
        let id: Int
        let anchor: String
        let action: String
        let text: String
        let comparators: [SelectOption]
        let measures: [SelectOption]
        let value: String
        let upper: String
        let error: String?
        /// The linked indicator ("Tỷ lệ: cán bộ được tập huấn"), or nil with a suggestion to confirm.
        let indicator: String?
        let indicatorAction: String
        let indicatorKinds: [SelectOption]
        let indicatorName: String
        let removeAction: String
    }

    struct Task: Encodable {
        let id: Int
        let anchor: String
        let action: String
        let number: String
        let text: String
        let timing: String
        let leads: [SelectOption]
        let coordinators: [SelectOption]
        let expectedResult: String
        let error: String?
        let removeAction: String
    }

    /// What the user sent for one item, shown again with the error.
    struct Sent {
        let itemID: Int
        let isTask: Bool
        let fields: [String: String]
        let error: String
    }

    let plan: PlanRow
    let planHref: String
    let version: Int
    let isDraft: Bool
    /// Only the issuing unit issues its draft; a unit above may edit it.
    let canIssue: Bool
    let revisionNote: String?
    let issueAction: String
    let addTargetAction: String
    let addTaskAction: String
    let summary: String?
    let targets: [Target]
    let tasks: [Task]

    static let comparatorLabels: [(TargetComparator, String)] = [(.gt, "trên"), (.ge, "từ … trở lên"), (.eq, "đạt (mức)"), (.le, "không quá"),
                                                                 (.lt, "dưới"), (.between, "từ … đến …")]

    static func query(_ plan: Plan, for user: User, sent: Sent? = nil, summary: String? = nil, on db: any Database) async throws -> PlanEditPage {
        let planID = plan.requireID
        let targets = try await PlanTargetRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        // The plan's unit and those directly below it: a select of every unit of a province
        // on every task would make the page too heavy for a phone on a slow link.
        let units = try await UnitQueries.subtree(of: [plan.unitID], maxDepth: 1, on: db)
        let coordinatorChoices = try await TaskAddressees.coordinatorChoices(for: plan, on: db)
        let taskIDs = tasks.map(\.requireID)
        let coordinatorRows = taskIDs.isEmpty ? [] : try await UnitClosure.sqlDatabase(db).select().columns("task_id", "unit_id")
            .from("task_coordinators").where("task_id", .in, taskIDs).all()
        var coordinating: [Int: Set<Int>] = [:]
        for row in coordinatorRows {
            coordinating[try row.decode(column: "task_id", as: Int.self), default: []].insert(try row.decode(column: "unit_id", as: Int.self))
        }
        let indicatorIDs = Array(Set(targets.compactMap(\.indicatorID)))
        let indicators = indicatorIDs.isEmpty ? [:] : try await Indicator.query(on: db).filter(\.$id ~~ indicatorIDs).all()
            .reduce(into: [Int: Indicator]()) { $0[$1.id ?? 0] = $1 }
        let unitName = units.first { $0.requireID == plan.unitID }?.name ?? ""
        return PlanEditPage(
            plan: PlanRow(plan, unitName: unitName), planHref: SiteRoute.plan(planID).path, version: plan.version,
            isDraft: plan.status == .draft,
            canIssue: try await Authorizer.allows(user, .issuePlans, onUnitID: plan.unitID, db: db),
            revisionNote: plan.status == .issued ? "Kế hoạch đã ban hành: mỗi thay đổi lưu bản hiện tại thành lần sửa \(plan.revision) để đối chiếu." : nil,
            issueAction: SiteRoute.planIssue(planID).path, addTargetAction: SiteRoute.planAddTarget(planID).path,
            addTaskAction: SiteRoute.planAddTask(planID).path, summary: summary,
            targets: targets.map {
                target(for: $0, indicator: $0.indicatorID.flatMap { indicators[$0] },
                       sent: sent?.isTask == false && sent?.itemID == $0.requireID ? sent : nil)
            },
            tasks: tasks.enumerated().map { index, task in
                self.task(task, number: index + 1, units: units, coordinatorChoices: coordinatorChoices,
                          coordinating: coordinating[task.requireID] ?? [],
                          sent: sent?.isTask == true && sent?.itemID == task.requireID ? sent : nil)
            })
    }

    private static func target(for record: PlanTargetRecord, indicator: Indicator?, sent: Sent?) -> Target {
        let parsed = ParsedTarget(text: record.text, comparator: record.threshold.comparator, value: record.value, upper: record.upper,
                                  unit: record.threshold.measure, subject: record.subject, line: record.line, level: record.level)
        let suggestion = IndicatorSuggestion.suggest(for: parsed)
        let kind = sent?.fields["indicatorKind"] ?? indicator?.kind ?? suggestion.kind.rawValue
        let fields = sent?.fields ?? [:]
        let comparator = fields["comparator"] ?? record.comparator
        let measure = fields["measure"] ?? record.measure
        return Target(id: record.requireID, anchor: "target-\(record.requireID)", action: SiteRoute.target(record.requireID).path,
                      text: fields["text"] ?? record.text,
                      comparators: comparatorLabels.map { SelectOption(value: $0.0.rawValue, label: $0.1, selected: $0.0.rawValue == comparator) },
                      measures: [SelectOption(value: "percent", label: "%", selected: measure == "percent"),
                                 SelectOption(value: "count", label: "số lượng", selected: measure == "count")],
                      value: fields["value"] ?? record.value.map(Threshold.format) ?? "",
                      upper: fields["upper"] ?? record.upper.map(Threshold.format) ?? "", error: sent?.error,
                      indicator: indicator.map { "\($0.indicatorKind.label): \($0.name)" },
                      indicatorAction: SiteRoute.targetIndicator(record.requireID).path,
                      indicatorKinds: IndicatorKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == kind) },
                      indicatorName: fields["indicatorName"] ?? indicator?.name ?? suggestion.name,
                      removeAction: SiteRoute.targetRemove(record.requireID).path)
    }

    /// Units that may coordinate: those of the plan's place in every tree (party, state, Front,
    /// unions) and those below the plan's unit.
    private static func task(_ record: PlanTaskRecord, number: Int, units: [OrgUnit], coordinatorChoices: [OrgUnit], coordinating: Set<Int>,
                             sent: Sent?) -> Task {
        let fields = sent?.fields ?? [:]
        let leadCode = fields["lead"] ?? units.first { $0.requireID == record.leadUnitID }?.code ?? ""
        let leads = [SelectOption(value: "", label: "— chưa giao —", selected: leadCode.isEmpty)]
            + units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == leadCode) }
        let coordinators = coordinatorChoices.map { SelectOption(value: $0.code, label: $0.name, selected: coordinating.contains($0.requireID)) }
        return Task(id: record.requireID, anchor: "task-\(record.requireID)", action: SiteRoute.planTask(record.requireID).path,
                    number: String(number), text: fields["text"] ?? record.text, timing: fields["timing"] ?? record.timingRaw, leads: leads,
                    coordinators: coordinators,
                    expectedResult: fields["expectedResult"] ?? record.expectedResult ?? "", error: sent?.error,
                    removeAction: SiteRoute.planTaskRemove(record.requireID).path)
    }
}
