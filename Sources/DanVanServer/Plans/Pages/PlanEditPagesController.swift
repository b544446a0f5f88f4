import DanVanCore
import Fluent
import Vapor

/// Editing a plan's targets and tasks, issuing a draft, and the kept revisions of an issued plan.
struct PlanEditPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.planEdit(SiteRoute.anyID).pathComponents, use: edit)
        routes.post(SiteRoute.planIssue(SiteRoute.anyID).pathComponents, use: issue)
        routes.get(SiteRoute.planRevisions(SiteRoute.anyID).pathComponents, use: revisions)
        routes.post(SiteRoute.target(SiteRoute.anyID).pathComponents, use: changeTarget)
        routes.post(SiteRoute.planTask(SiteRoute.anyID).pathComponents, use: changeTask)
        routes.post(SiteRoute.targetIndicator(SiteRoute.anyID).pathComponents, use: confirmIndicator)
        routes.post(SiteRoute.planNew.pathComponents, use: create)
        routes.post(SiteRoute.planAddTarget(SiteRoute.anyID).pathComponents) { try await add($0, task: false) }
        routes.post(SiteRoute.planAddTask(SiteRoute.anyID).pathComponents) { try await add($0, task: true) }
        routes.post(SiteRoute.targetRemove(SiteRoute.anyID).pathComponents) { try await remove($0, task: false) }
        routes.post(SiteRoute.planTaskRemove(SiteRoute.anyID).pathComponents) { try await remove($0, task: true) }
    }

    struct NewPlanForm: Content {
        let unitCode: String?
        let year: Int?
        let subject: String?
    }

    /// A blank draft for the user's unit (or one below it); a unit that has one is sent to it.
    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(NewPlanForm.self)
        let year = form.year ?? Today.date.year
        if let code = form.unitCode.flatMap(UnitInput.nonEmpty), let unit = try await UnitQueries.find(code: code, on: req.db),
           try await Authorizer.allows(try req.actor, .editPlans, on: unit, db: req.db),
           let existing = try await PlanQueries.existing(unitID: unit.requireID, year: year, on: req.db) {
            return req.redirect(to: SiteRoute.plan(existing.requireID).path + "?exists=1")
        }
        let id = try await PlanCreation.perform(unitCode: form.unitCode, year: year, subject: form.subject ?? "", by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.planEdit(id).path)
    }

    private func add(_ req: Request, task: Bool) async throws -> Response {
        let planID = try req.routeID()
        let id = try await PlanItemAddition.perform(planID: planID, task: task, planVersion: try req.content.decode(VersionForm.self).version ?? -1,
                                                    by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.planEdit(planID).path + (task ? "#task-\(id)" : "#target-\(id)"))
    }

    private func remove(_ req: Request, task: Bool) async throws -> Response {
        let id = try req.routeID()
        let planID = try await PlanItemRemoval.perform(id, task: task, planVersion: try req.content.decode(VersionForm.self).version ?? -1,
                                                       by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.planEdit(planID).path)
    }

    struct IndicatorForm: Content {
        let indicatorKind: String?
        let indicatorName: String?
        let version: Int?
    }

    func confirmIndicator(req: Request) async throws -> Response {
        guard let id = try? req.routeID(), let target = try await PlanTargetRecord.find(id, on: req.db) else {
            throw AppError.notFound("Không tìm thấy chỉ tiêu.")
        }
        let plan = try await req.plan(target.planID, for: .editPlans)
        let form = try req.content.decode(IndicatorForm.self)
        do {
            try await IndicatorConfirmation.perform(targetID: id, kind: form.indicatorKind.flatMap(IndicatorKind.init(rawValue:)),
                                                    name: form.indicatorName ?? "", planVersion: form.version ?? -1, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.planEdit(plan.requireID).path + "#target-\(id)")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let fields = ["indicatorKind": form.indicatorKind, "indicatorName": form.indicatorName].compactMapValues { $0 }
            return try await resend(plan, .init(itemID: id, isTask: false, fields: fields, error: error.reason), status: error.status, req: req)
        }
    }

    func edit(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeID(), for: .editPlans)
        return try await req.renderPage("plan-edit", title: "Sửa kế hoạch", try await PlanEditPage.query(plan, for: try req.requireUser(), on: req.db))
    }

    struct VersionForm: Content { let version: Int? }
    struct IssueForm: Content { let version: Int?; let confirm: String? }

    func issue(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeID(), for: .editPlans)
        do {
            let form = try req.content.decode(IssueForm.self)
            guard try await Authorizer.allows(try req.requireUser(), .issuePlans, onUnitID: plan.unitID, db: req.db) else {
                throw AppError(.forbidden, "Chỉ đơn vị ban hành kế hoạch mới được ban hành kế hoạch này.")
            }
            // Issuing cannot be undone: the page asks the user to tick that they mean it.
            guard form.confirm == "1" else {
                throw AppError.invalid("confirm", "Hãy đánh dấu \"Tôi xác nhận ban hành\" rồi bấm lại: sau khi ban hành, kế hoạch không trở lại dự thảo.")
            }
            try await PlanIssuing.perform(planID: plan.requireID, planVersion: form.version ?? -1,
                                          by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.plan(plan.requireID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let fresh = try await req.plan(plan.requireID, for: .editPlans)
            return try await req.renderPage("plan-edit", title: "Sửa kế hoạch", try await PlanEditPage.query(fresh, for: try req.requireUser(), summary: error.reason, on: req.db),
                                            status: error.status)
        }
    }

    struct TargetForm: Content {
        let text: String?
        let comparator: String?
        let measure: String?
        let value: String?
        let upper: String?
        let version: Int?
    }

    func changeTarget(req: Request) async throws -> Response {
        guard let id = try? req.routeID(), let target = try await PlanTargetRecord.find(id, on: req.db) else {
            throw AppError.notFound("Không tìm thấy chỉ tiêu.")
        }
        let plan = try await req.plan(target.planID, for: .editPlans)
        let form = try req.content.decode(TargetForm.self)
        do {
            let threshold = try Self.threshold(form)
            try await TargetChange.perform(targetID: id, .init(text: form.text ?? "", threshold: threshold), planVersion: form.version ?? -1,
                                           by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.planEdit(plan.requireID).path + "#target-\(id)")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let fields = ["text": form.text, "comparator": form.comparator, "measure": form.measure, "value": form.value, "upper": form.upper]
                .compactMapValues { $0 }
            return try await resend(plan, .init(itemID: id, isTask: false, fields: fields, error: error.reason), status: error.status, req: req)
        }
    }

    struct TaskForm: Content {
        let text: String?
        let lead: String?
        let coordinators: [String]?
        let timing: String?
        let expectedResult: String?
        let version: Int?
    }

    func changeTask(req: Request) async throws -> Response {
        guard let id = try? req.routeID(), let task = try await PlanTaskRecord.find(id, on: req.db) else {
            throw AppError.notFound("Không tìm thấy nhiệm vụ.")
        }
        let plan = try await req.plan(task.planID, for: .editPlans)
        let form = try req.content.decode(TaskForm.self)
        do {
            let change = TaskChange.Input(text: form.text ?? "", leadUnitCode: form.lead, coordinatorCodes: form.coordinators ?? [],
                                          timing: form.timing ?? "", expectedResult: form.expectedResult)
            try await TaskChange.perform(taskID: id, change, planVersion: form.version ?? -1, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.planEdit(plan.requireID).path + "#task-\(id)")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let fields = ["text": form.text, "lead": form.lead, "timing": form.timing, "expectedResult": form.expectedResult].compactMapValues { $0 }
            return try await resend(plan, .init(itemID: id, isTask: true, fields: fields, error: error.reason), status: error.status, req: req)
        }
    }

    func revisions(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeID(), for: .viewPlans)
        let page = try await PlanRevisionsPage.query(plan, on: req.db)
        return try await req.renderPage("plan-revisions", title: "Các lần sửa", page)
    }

    private func resend(_ plan: Plan, _ sent: PlanEditPage.Sent, status: HTTPStatus, req: Request) async throws -> Response {
        let fresh = try await req.plan(plan.requireID, for: .editPlans)
        return try await req.renderPage("plan-edit", title: "Sửa kế hoạch", try await PlanEditPage.query(fresh, for: try req.requireUser(), sent: sent, on: req.db), status: status)
    }


    /// The threshold as typed: figures with "," or "." decimals; "between" needs both.
    static func threshold(_ form: TargetForm) throws -> Threshold {
        guard let comparator = form.comparator.flatMap(TargetComparator.init(rawValue:)) else { throw AppError.invalid("comparator", "Hãy chọn cách so sánh.") }
        let measure = form.measure.flatMap(TargetMeasure.init(rawValue:)) ?? .percent
        func number(_ text: String?, _ field: String) throws -> Double? {
            guard let text = UnitInput.nonEmpty(text) else { return nil }
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")) else { throw AppError.invalid(field, "\"\(text)\" không phải một số.") }
            return value
        }
        return Threshold(comparator, try number(form.value, "value"), upper: try number(form.upper, "upper"), measure: measure)
    }
}
