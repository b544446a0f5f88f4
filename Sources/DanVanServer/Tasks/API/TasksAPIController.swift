import DanVanCore
import Vapor

/// /api/tasks/{id}: one occurrence of a task (a due month, quarter or deadline), the lead unit's
/// progress on it and the level above's reminder. Evidence files go through the page's form.
struct TasksAPIController {
    struct OccurrenceBody: Content {
        let id: Int
        let planID: Int
        let task: String
        let label: String
        let dueOn: String?
        let state: String
        let reason: String?
        let doneOn: String?
        let leadUnit: String?
        let version: Int
    }

    struct ProgressBody: Content {
        let state: String?
        let text: String?
        let version: Int?
    }

    struct RemindBody: Content {
        let note: String?
    }

    func register(_ api: any RoutesBuilder) {
        api.get("tasks", ":id", use: show)
        api.post("tasks", ":id", "progress", use: progress)
        api.post("tasks", ":id", "remind", use: remind)
    }

    func show(req: Request) async throws -> OccurrenceBody {
        try body(try await visible(req))
    }

    func progress(req: Request) async throws -> OccurrenceBody {
        let context = try await visible(req)
        let input = try req.content.decode(ProgressBody.self)
        try await TaskProgressPosting.perform(occurrenceID: context.occurrence.requireID, state: input.state.flatMap(OccurrenceState.init(rawValue:)),
                                              text: input.text ?? "", version: input.version ?? -1, evidence: [], today: req.today,
                                              store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory),
                                              by: try req.actor, on: req.db)
        return try body(try await TaskContext.load(context.occurrence.requireID, on: req.db))
    }

    func remind(req: Request) async throws -> HTTPStatus {
        let context = try await visible(req)
        try await TaskReminding.perform(occurrenceID: context.occurrence.requireID, note: try req.content.decode(RemindBody.self).note ?? "",
                                        by: try req.actor, on: req.db)
        return .noContent
    }

    private func visible(_ req: Request) async throws -> TaskContext {
        let context = try await TaskContext.load(try req.routeID(), on: req.db)
        try await TaskAccess.requireView(context, by: try req.requireUser(), on: req.db)
        return context
    }

    private func body(_ context: TaskContext) throws -> OccurrenceBody {
        let occurrence = context.occurrence
        return OccurrenceBody(id: occurrence.requireID, planID: context.plan.requireID, task: context.task.text, label: occurrence.label,
                              dueOn: occurrence.dueOn, state: occurrence.state, reason: occurrence.reason, doneOn: occurrence.doneOn,
                              leadUnit: context.lead?.code, version: occurrence.version)
    }
}
