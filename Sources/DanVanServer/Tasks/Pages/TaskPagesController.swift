import DanVanCore
import Fluent
import Vapor

/// The unit's tasks, the overdue list of a manager's subtree, one occurrence with its history,
/// posting progress with evidence, reminding, and serving evidence files.
struct TaskPagesController {
    let limits: UploadLimits

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.tasks.pathComponents, use: mine)
        routes.get(SiteRoute.tasksOverdue.pathComponents, use: overdue)
        routes.get(SiteRoute.occurrence(SiteRoute.anyID).pathComponents, use: show)
        routes.upload(.POST, SiteRoute.occurrenceUpdate(SiteRoute.anyID).pathComponents, limit: limits.evidencePostBytes, use: update)
        routes.post(SiteRoute.occurrenceRemind(SiteRoute.anyID).pathComponents, use: remind)
        routes.get(SiteRoute.evidence(SiteRoute.anyID).pathComponents, use: evidence)
    }

    /// The user's unit's tasks, or with `?unit=CODE` those of a unit they may see; `?year=` a past year.
    func mine(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let unit = try await req.chosenUnit()
        let page = try await MyTasksPage.query(for: user, unit: unit, year: req.query[String.self, at: "year"], today: req.today, on: req.db)
        return try await req.renderPage("tasks", title: page.heading, page, crumbs: [
            Layout.Crumb(label: unit.name, href: SiteRoute.unit(unit.code).path), Layout.Crumb(label: "Nhiệm vụ", href: nil)])
    }

    /// Plan → this task's month.
    static func crumbs(_ page: OccurrencePage) -> [Layout.Crumb] {
        [Layout.Crumb(label: "Kế hoạch \(page.planNumber)", href: page.planHref), Layout.Crumb(label: "Nhiệm vụ · \(page.label)", href: nil)]
    }

    func overdue(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.userRole == .manager || user.userRole == .admin else { throw AppError.forbidden }
        let page = try await OverduePage.query(within: try await req.chosenUnit(), today: Today.date, on: req.db)
        return try await req.renderPage("tasks-overdue", title: "Theo dõi thời hạn", page)
    }

    func show(req: Request) async throws -> Response {
        let context = try await visibleContext(req)
        let page = try await OccurrencePage.query(context, for: try req.requireUser(), on: req.db)
        return try await req.renderPage("occurrence", title: "Nhiệm vụ", page, crumbs: Self.crumbs(page))
    }

    struct UpdateForm: Content {
        let state: String?
        let text: String?
        let version: Int?
        let files: [File]?
    }

    func update(req: Request) async throws -> Response {
        let context = try await visibleContext(req)
        let form = try req.content.decode(UpdateForm.self)
        let evidence = (form.files ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
            .map { TaskProgressPosting.Evidence(filename: $0.filename, data: Data(buffer: $0.data)) }
        do {
            try await TaskProgressPosting.perform(occurrenceID: context.occurrence.requireID, state: form.state.flatMap(OccurrenceState.init(rawValue:)),
                                                  text: form.text ?? "", version: form.version ?? -1, evidence: evidence, today: req.today,
                                                  store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory),
                                                  by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.occurrence(context.occurrence.requireID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let fresh = try await TaskContext.load(context.occurrence.requireID, on: req.db)
            let page = try await OccurrencePage.query(fresh, for: try req.requireUser(), errors: FormErrors(error), text: form.text ?? "", on: req.db)
            return try await req.renderPage("occurrence", title: "Nhiệm vụ", page, status: error.status, crumbs: Self.crumbs(page))
        }
    }

    struct RemindForm: Content {
        let note: String?
    }

    func remind(req: Request) async throws -> Response {
        let context = try await visibleContext(req)
        try await TaskReminding.perform(occurrenceID: context.occurrence.requireID, note: try req.content.decode(RemindForm.self).note ?? "",
                                        by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.occurrence(context.occurrence.requireID).path)
    }

    /// A file goes only to users `EvidenceReadership` lets read it.
    func evidence(req: Request) async throws -> Response {
        guard let id = try? req.routeID(), let file = try await EvidenceFile.find(id, on: req.db),
              let update = try await TaskUpdate.find(file.updateID, on: req.db) else { throw AppError.notFound("Không tìm thấy tệp.") }
        let context = try await TaskContext.load(update.occurrenceID, on: req.db)
        try await TaskAccess.requireEvidence(context, by: try req.requireUser(), on: req.db)
        return try EvidenceStore(dataDirectory: req.application.settings.dataDirectory).download(storedName: file.storedName,
                                                                                                originalName: file.originalName)
    }

    private func visibleContext(_ req: Request) async throws -> TaskContext {
        let id = try req.routeID()
        let context = try await TaskContext.load(id, on: req.db)
        try await TaskAccess.requireView(context, by: try req.requireUser(), on: req.db)
        return context
    }
}
