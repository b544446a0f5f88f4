import DanVanCore
import Foundation
import Fluent

/// One occurrence of a task: what it is, where it stands, its history with evidence, and the
/// forms the user may use (post progress as the lead unit, or remind it as the level above).
struct OccurrencePage: Encodable {
    struct Post: Encodable {
        struct File: Encodable { let name: String; let href: String? }
        let at: String
        let who: String
        let isReminder: Bool
        let stateLabel: String?
        let text: String
        let files: [File]
    }

    let taskText: String
    let label: String
    let due: String
    let stateLabel: String
    let timelinessLabel: String
    let tone: String
    let reason: String?
    let planHref: String
    let planNumber: String
    let lead: String
    /// "—" when there are none.
    let coordinators: String
    let posts: [Post]
    let canUpdate: Bool
    let canRemind: Bool
    let states: [SelectOption]
    let version: Int
    let updateAction: String
    let remindAction: String
    let errors: FormErrors
    let text: String

    static func query(_ context: TaskContext, for user: User, errors: FormErrors = .none, text: String = "",
                      on db: any Database) async throws -> OccurrencePage {
        let occurrence = context.occurrence
        let id = occurrence.requireID
        let today = Today.date
        let current = occurrence.occurrenceState
        let canUpdate = try await context.lead.asyncMap { try await Authorizer.allows(user, .updateTask, on: $0, db: db) } ?? false
        let canRemind = try await context.lead.asyncMap { try await Authorizer.allows(user, .chaseTask, on: $0, db: db) } ?? false
        let coordinatorIDs = try await UnitClosure.sqlDatabase(db).select().column("unit_id").from("task_coordinators")
            .where("task_id", .equal, context.task.requireID).all().map { try $0.decode(column: "unit_id", as: Int.self) }
        let coordinators = coordinatorIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ coordinatorIDs).all().map(\.name)
        let timeliness = occurrence.timeliness(today: today)
        return OccurrencePage(
            taskText: context.task.text, label: occurrence.label,
            due: occurrence.dueOn.flatMap(CivilDate.init(parsing:))?.vietnamese ?? "Theo chỉ đạo", stateLabel: current.label,
            timelinessLabel: timeliness.label, tone: TaskTone.of(current, timeliness), reason: occurrence.reason,
            planHref: SiteRoute.plan(context.plan.requireID).path, planNumber: context.plan.numberNormalized ?? "(chưa số)",
            lead: context.lead?.name ?? "Chưa giao đơn vị chủ trì",
            coordinators: (coordinators.isEmpty ? PlanPartsWriter.names(context.task.coordinatingNames) : coordinators)
                .joined(separator: "; ").ifEmpty("—"),
            posts: try await posts(occurrence.requireID, showFiles: try await TaskAccess.mayReadEvidence(context, by: user, on: db), on: db),
            canUpdate: canUpdate && context.lead != nil, canRemind: canRemind && current != .done,
            states: OccurrenceState.allCases.filter { $0 == current || current.canMove(to: $0) }
                .map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == current) },
            version: occurrence.version, updateAction: SiteRoute.occurrenceUpdate(id).path, remindAction: SiteRoute.occurrenceRemind(id).path,
            errors: errors, text: text)
    }

    /// The history; file links only for readers `EvidenceReadership` lets open them (others see the names).
    private static func posts(_ occurrenceID: Int, showFiles: Bool, on db: any Database) async throws -> [Post] {
        let updates = try await TaskUpdate.query(on: db).filter(\.$occurrenceID == occurrenceID).sort(\.$at, .descending).all()
        let files = updates.isEmpty ? [] : try await EvidenceFile.query(on: db).filter(\.$updateID ~~ updates.compactMap(\.id)).all()
        let byUpdate = Dictionary(grouping: files, by: \.updateID)
        return updates.map { update in
            Post(at: TaskTone.format(update.at), who: update.userName, isReminder: update.kind == TaskUpdate.reminderKind,
                 stateLabel: update.state.flatMap(OccurrenceState.init(rawValue:))?.label, text: update.text,
                 files: (byUpdate[update.id ?? 0] ?? []).map { Post.File(name: $0.originalName, href: showFiles ? SiteRoute.evidence($0.id ?? 0).path : nil) })
        }
    }
}

/// The colour class of an occurrence, shared by the grid and the task lists.
enum TaskTone {
    static func of(_ state: OccurrenceState, _ timeliness: Timeliness) -> String {
        switch (state, timeliness) {
        case (.cannotDo, _): "cannot"
        case (_, .doneOnTime): "done"
        case (_, .doneLate): "late"
        case (_, .overdue): "overdue"
        case (.inProgress, _): "progress"
        default: state == .done ? "done" : "planned"
        }
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        return formatter.string(from: date)
    }
}

private extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
