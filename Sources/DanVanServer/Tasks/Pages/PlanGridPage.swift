import DanVanCore
import Fluent

/// A plan's 12-month grid: one row per task, one column per month, each cell the state of
/// that month's occurrence, as the appendix table is followed through the year.
struct PlanGridPage: Encodable {
    struct Cell: Encodable {
        let month: Int
        /// CSS class: empty, planned, progress, done, late, overdue, cannot.
        let tone: String
        /// A mark that says the same as the colour, for print and colour-blind readers.
        let mark: String
        let title: String
        let href: String?
    }

    struct Row: Encodable {
        let number: String
        /// The task's first sentence, at most about 200 characters; the whole text is `fullText`.
        let text: String
        let fullText: String
        let lead: String
        let cells: [Cell]
    }

    struct Count: Encodable {
        let label: String
        let tone: String
        let value: Int
    }

    let plan: PlanRow
    let planHref: String
    let xlsxHref: String
    let months: [Int]
    let rows: [Row]
    let counts: [Count]
    let today: String

    static func query(_ plan: Plan, today: CivilDate, on db: any Database) async throws -> PlanGridPage {
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == plan.requireID).sort(\.$position).all()
            .sorted { ($0.section == "appendix" ? 0 : 1, $0.position) < ($1.section == "appendix" ? 0 : 1, $1.position) }
        let occurrences = tasks.isEmpty ? [] : try await TaskOccurrence.query(on: db).filter(\.$taskID ~~ tasks.map(\.requireID)).all()
        let byTask = Dictionary(grouping: occurrences, by: \.taskID)
        let leads = try await UnitQueries.codes(for: Array(Set(tasks.compactMap(\.leadUnitID))), on: db)
        let names = try await OrgUnit.query(on: db).filter(\.$id ~~ Array(Set(tasks.compactMap(\.leadUnitID)))).all()
            .reduce(into: [Int: String]()) { $0[$1.requireID] = $1.name }
        let delegated = try await DelegatedTaskCells.load(parents: tasks, on: db)
        var tally: [String: Int] = [:]
        var numberInGroup: [String: Int] = [:]
        let rows = tasks.map { task -> Row in
            let group = task.section == "appendix" ? (task.group ?? "") : task.section
            numberInGroup[group, default: 0] += 1
            let cells = (1...12).map { month -> Cell in
                if delegated.carries(task) {
                    guard let cell = delegated.cell(task: task.requireID, month: month, today: today) else {
                        return Cell(month: month, tone: "empty", mark: "", title: "", href: nil)
                    }
                    tally[cell.tone, default: 0] += 1
                    return cell
                }
                guard let occurrence = byTask[task.requireID]?.first(where: { $0.month == month }) else {
                    return Cell(month: month, tone: "empty", mark: "", title: "", href: nil)
                }
                let cell = self.cell(occurrence, today: today)
                tally[cell.tone, default: 0] += 1
                return cell
            }
            let named = PlanPartsWriter.names(task.leadNames).first
            let lead = task.leadUnitID.flatMap { names[$0] ?? leads[$0] }
                ?? delegated.carriers[task.requireID].map { "\(named ?? "Cấp dưới") (\($0) đơn vị thực hiện theo kế hoạch của mình)" }
                ?? named.map { "\($0) (chưa gán đơn vị)" } ?? "Chưa giao"
            return Row(number: group.isEmpty ? "\(numberInGroup[group] ?? 0)" : "\(group).\(numberInGroup[group] ?? 0)",
                       text: headline(task.text), fullText: task.text, lead: lead, cells: cells)
        }
        let counts = legend.map { Count(label: $0.label, tone: $0.tone, value: tally[$0.tone] ?? 0) }
        return PlanGridPage(plan: PlanRow(plan, unitName: try await OrgUnit.find(plan.unitID, on: db)?.name ?? ""),
                            planHref: SiteRoute.plan(plan.requireID).path,
                            xlsxHref: SiteRoute.planGridXlsx(plan.requireID).path, months: Array(1...12), rows: rows, counts: counts,
                            today: today.vietnamese)
    }

    private static func headline(_ text: String) -> String {
        let sentence = text.firstSentence
        return sentence.isShorter(than: 200) ? sentence : String(sentence.prefix(190)) + "…"
    }

    static let legend: [(tone: String, mark: String, label: String)] = [
        ("done", "✓", "Hoàn thành đúng hạn"), ("late", "✓", "Hoàn thành trễ hạn"), ("progress", "…", "Đang thực hiện, trong hạn"),
        ("planned", "○", "Chưa đến hạn hoặc chờ chỉ đạo"), ("overdue", "!", "Quá hạn"), ("cannot", "✕", "Không thực hiện được"),
    ]

    private static func cell(_ occurrence: TaskOccurrence, today: CivilDate) -> Cell {
        let state = occurrence.occurrenceState
        let tone = TaskTone.of(state, occurrence.timeliness(today: today))
        let mark = legend.first { $0.tone == tone }?.mark ?? ""
        let due = occurrence.dueOn.flatMap(CivilDate.init(parsing:)).map { ", hạn \($0.vietnamese)" } ?? ""
        return Cell(month: occurrence.month, tone: tone, mark: mark, title: "\(occurrence.label): \(state.label)\(due)",
                    href: SiteRoute.occurrence(occurrence.requireID).path)
    }
}
