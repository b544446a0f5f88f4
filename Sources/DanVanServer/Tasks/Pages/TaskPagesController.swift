import DanVanCore
import Fluent
import Vapor

/// The unit's tasks, the overdue list of a manager's subtree, one occurrence with its history,
/// posting progress with evidence, reminding, and serving evidence files.
struct TaskPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.tasks.pathComponents, use: mine)
        routes.get(SiteRoute.tasksOverdue.pathComponents, use: overdue)
        routes.get(SiteRoute.occurrence(SiteRoute.param).pathComponents, use: show)
        routes.post(SiteRoute.occurrenceUpdate(SiteRoute.param).pathComponents, use: update)
        routes.post(SiteRoute.occurrenceRemind(SiteRoute.param).pathComponents, use: remind)
        routes.get(SiteRoute.evidence(SiteRoute.param).pathComponents, use: evidence)
    }

    func mine(req: Request) async throws -> Response {
        let page = try await MyTasksPage.query(for: try req.requireUser(), today: CivilDate.today(), on: req.db)
        return try await req.renderPage("tasks", title: "Nhiệm vụ của đơn vị", page)
    }

    func overdue(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard user.userRole == .manager || user.userRole == .admin else { throw AppError.forbidden }
        let page = try await OverduePage.query(for: user, today: CivilDate.today(), on: req.db)
        return try await req.renderPage("tasks-overdue", title: "Theo dõi thời hạn", page)
    }

    func show(req: Request) async throws -> Response {
        let context = try await visibleContext(req)
        let page = try await OccurrencePage.query(context, for: try req.requireUser(), on: req.db)
        return try await req.renderPage("occurrence", title: "Nhiệm vụ", page)
    }

    struct UpdateForm: Content {
        let state: String?
        let text: String?
        let version: Int?
        let files: [File]?
    }

    func update(req: Request) async throws -> Response {
        let context = try await visibleContext(req)
        let user = try req.requireUser()
        guard let lead = context.lead else { throw AppError.invalid("state", "Nhiệm vụ chưa có đơn vị chủ trì.") }
        try await req.authorize(.updateTask, on: lead)
        let form = try req.content.decode(UpdateForm.self)
        let evidence = (form.files ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
            .map { TaskProgress.Evidence(filename: $0.filename, data: Data(buffer: $0.data)) }
        do {
            guard let state = form.state.flatMap(OccurrenceState.init(rawValue:)) else { throw AppError.invalid("state", "Hãy chọn trạng thái.") }
            try await TaskProgress.update(context, state: state, text: form.text ?? "", version: form.version ?? -1, evidence: evidence,
                                          by: user, store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory), on: req.db)
            return req.redirect(to: SiteRoute.occurrence(String(context.occurrence.requireID)).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let fresh = try await TaskProgress.context(context.occurrence.requireID, on: req.db)
            let page = try await OccurrencePage.query(fresh, for: user, errors: FormErrors(error), text: form.text ?? "", on: req.db)
            return try await req.renderPage("occurrence", title: "Nhiệm vụ", page, status: error.status)
        }
    }

    struct RemindForm: Content {
        let note: String?
    }

    func remind(req: Request) async throws -> Response {
        let context = try await visibleContext(req)
        guard let lead = context.lead else { throw AppError.invalid("note", "Nhiệm vụ chưa có đơn vị chủ trì để đôn đốc.") }
        try await req.authorize(.chaseTask, on: lead)
        try await TaskProgress.remind(context, note: try req.content.decode(RemindForm.self).note ?? "", by: try req.requireUser(), on: req.db)
        return req.redirect(to: SiteRoute.occurrence(String(context.occurrence.requireID)).path)
    }

    /// A file goes only to users who may see the task (its plan, or its lead unit).
    func evidence(req: Request) async throws -> Response {
        guard let id = Int(try req.routeParameter()), let file = try await EvidenceFile.find(id, on: req.db),
              let update = try await TaskUpdate.find(file.updateID, on: req.db) else { throw AppError.notFound("Không tìm thấy tệp.") }
        let context = try await TaskProgress.context(update.occurrenceID, on: req.db)
        try await authorizeView(context, req: req)
        guard let url = EvidenceStore(dataDirectory: req.application.settings.dataDirectory).url(of: file.storedName),
              let data = FileManager.default.contents(atPath: url.path) else { throw AppError.notFound("Tệp không còn trên máy chủ.") }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType.fileExtension(EvidencePolicy.fileExtension(of: file.originalName)) ?? .binary
        let encoded = file.originalName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "tep"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(encoded)")
        return response
    }

    private func visibleContext(_ req: Request) async throws -> TaskProgress.Context {
        guard let id = Int(try req.routeParameter()) else { throw AppError.notFound("Không tìm thấy nhiệm vụ.") }
        let context = try await TaskProgress.context(id, on: req.db)
        try await authorizeView(context, req: req)
        return context
    }

    private func authorizeView(_ context: TaskProgress.Context, req: Request) async throws {
        let user = try req.requireUser()
        if let unit = try await OrgUnit.find(context.plan.unitID, on: req.db), try await Authorizer.allows(user, .viewPlans, on: unit, db: req.db) {
            return
        }
        if let lead = context.lead, try await Authorizer.allows(user, .viewUnit, on: lead, db: req.db) { return }
        throw AppError.forbidden
    }
}
