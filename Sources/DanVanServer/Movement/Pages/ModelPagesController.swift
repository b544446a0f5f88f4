import DanVanCore
import Fluent
import Foundation
import Vapor

/// "Dân vận khéo" pages: the register, a model, registering and changing, the level above's
/// decisions, progress notes and their files, carrying over, replicating, importing, the
/// campaign form, and the documents.
struct ModelPagesController {
    let limits: UploadLimits

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.models.pathComponents, use: list)
        routes.get(SiteRoute.modelNew.pathComponents, use: newForm)
        routes.post(SiteRoute.modelNew.pathComponents, use: create)
        routes.get(SiteRoute.model(SiteRoute.anyID).pathComponents, use: show)
        routes.get(SiteRoute.modelEdit(SiteRoute.anyID).pathComponents, use: editForm)
        routes.post(SiteRoute.modelEdit(SiteRoute.anyID).pathComponents, use: edit)
        routes.post(SiteRoute.modelDecide(SiteRoute.anyID).pathComponents, use: decide)
        routes.upload(.POST, SiteRoute.modelNotes(SiteRoute.anyID).pathComponents, limit: limits.evidencePostBytes, use: note)
        routes.post(SiteRoute.modelSelfAssessment(SiteRoute.anyID).pathComponents, use: selfAssess)
        routes.post(SiteRoute.modelCarry(SiteRoute.anyID).pathComponents, use: carry)
        routes.post(SiteRoute.modelReplicate(SiteRoute.anyID).pathComponents, use: replicate)
        routes.get(SiteRoute.modelFile(SiteRoute.anyID).pathComponents, use: file)
        routes.upload(.POST, SiteRoute.modelsImport.pathComponents, limit: limits.singleFileBytes, use: importFile)
        routes.get(SiteRoute.campaignNew.pathComponents, use: campaignForm)
        routes.post(SiteRoute.campaignNew.pathComponents, use: launch)
        ModelDocumentRoutes().register(routes)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let code = req.nonEmptyQuery("unit") else { return try await renderList(req, unit: try await req.chosenUnit()) }
        // The unit and the reader's relation to it are read once, for the right to view and the page's rights.
        let unit = try await UnitQueries.require(code: code, field: "unit", on: req.db)
        let relation = try await Authorizer.relation(of: user, to: unit.requireID, on: req.db)
        guard Authorizer.allows(user, .viewUnit, relation: relation) else { throw AppError.forbidden }
        return try await renderList(req, unit: unit, relation: relation)
    }

    /// The register page: its body (the counts, the filters, the list) is rendered once per
    /// report generation, unit, year, filter and the reader's rights, and kept; the frame and the
    /// import form (which carries the session's CSRF token) are rendered per request.
    private func renderList(_ req: Request, unit: OrgUnit, relation known: UnitRelation? = nil, notice: String? = nil,
                            errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let year = try await req.modelYear(for: unit)
        let filter = ModelRegisterQuery.Filter(year: year, field: req.nonEmptyQuery("field"), kind: req.nonEmptyQuery("kind").flatMap(ModelKind.init(rawValue:)),
                                               status: req.nonEmptyQuery("status").flatMap(ModelStatus.init(rawValue:)),
                                               level: req.nonEmptyQuery("level"), search: req.nonEmptyQuery("q"))
        let offset = max(0, req.query[Int.self, at: "from"] ?? 0)
        let user = try req.requireUser()
        let relation = if let known { known } else { try await Authorizer.relation(of: user, to: unit.requireID, on: req.db) }
        let rights = ModelsPage.Rights(register: Authorizer.allows(user, .registerModel, relation: relation),
                                       launch: Authorizer.allows(user, .launchCampaign, relation: relation))
        let (db, app, today) = (req.db, req.application, req.today)
        let summaries = (req.application.modelSummaryCache, req.storage[ReportGenerationKey.self] ?? nil)
        let render: @Sendable () async throws -> String = {
            let page = try await ModelsPage.query(unit: unit, year: year, filter: filter, offset: offset, rights: rights, today: today,
                                                  summaries: summaries, notice: notice, errors: errors, on: db)
            return String(buffer: try await app.view.render("models-body", ["page": page]).data)
        }
        let body: String
        if notice == nil, errors.summary == nil {
            // Today is in the key: the counting day and the year choice move at midnight, the generation does not.
            let key = [unit.code, today.description, String(year), filter.field ?? "", filter.kind?.rawValue ?? "", filter.status?.rawValue ?? "", filter.level ?? "",
                       filter.search ?? "", String(offset), rights.register ? "r" : "", rights.launch ? "l" : ""].joined(separator: "|")
            let cache = req.application.modelPageCache
            if let generation = summaries.1 {
                body = try await cache.value(for: key, generation: generation, compute: render)
            } else {
                body = try await cache.value(for: key, on: db, compute: render)
            }
        } else {
            body = try await render()
        }
        let shell = ModelsPage.Shell(body: body, canRegister: rights.register,
                                     importAction: SiteRoute.modelsImport.path + "?unit=\(unit.code)&year=\(year)", errors: errors)
        return try await req.renderPage("models", title: "Dân vận khéo · \(unit.name)", shell, status: status,
                                        crumbs: [.init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Dân vận khéo", href: nil)])
    }

    func newForm(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.registerModel, on: unit)
        let page = try await ModelFormPage.query(unit: unit, year: try await req.modelYear(for: unit), model: nil, typed: nil, taskID: nil,
                                                 today: req.today, on: req.db)
        return try await req.renderPage("model-form", title: "Đăng ký mô hình", page)
    }

    func create(req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let unit = try await UnitQueries.require(code: fields["unit"] ?? "", field: "unit", on: req.db)
        try await req.authorize(.registerModel, on: unit)
        let year = Int(fields["year"] ?? "") ?? req.today.year
        let registration = Self.registration(fields)
        let taskID = Int(fields["planTask"] ?? "")
        do {
            let model = try await ModelRegistering.register(registration, unitCode: unit.code, year: year, links: .init(planTaskID: taskID),
                                                            today: req.today, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.model(model.requireID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let page = try await ModelFormPage.query(unit: unit, year: year, model: nil, typed: registration, taskID: taskID, today: req.today,
                                                     errors: FormErrors(error), on: req.db)
            return try await req.renderPage("model-form", title: "Đăng ký mô hình", page, status: error.status)
        }
    }

    func show(req: Request) async throws -> Response {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return try await renderModel(req, context)
    }

    private func renderModel(_ req: Request, _ context: ModelContext, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await ModelPage.query(context, user: try req.requireUser(), today: req.today, errors: errors, on: req.db)
        return try await req.renderPage("model", title: context.model.name, page, status: status, crumbs: [
            .init(label: context.unit.name, href: SiteRoute.unit(context.unit.code).path),
            .init(label: "Dân vận khéo \(context.model.year)", href: SiteRoute.models.path + "?unit=\(context.unit.code)&year=\(context.model.year)"),
            .init(label: context.model.name, href: nil)])
    }

    func editForm(req: Request) async throws -> Response {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        try await req.authorize(.registerModel, on: context.unit)
        let page = try await ModelFormPage.query(unit: context.unit, year: context.model.year, model: context.model, typed: nil, taskID: nil,
                                                 today: req.today, on: req.db)
        return try await req.renderPage("model-form", title: "Sửa đăng ký", page)
    }

    func edit(req: Request) async throws -> Response {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let fields = try req.content.decode([String: String].self)
        let registration = Self.registration(fields)
        do {
            _ = try await ModelRegistering.change(context.model.requireID, to: registration, version: Int(fields["version"] ?? "") ?? -1,
                                                  by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.model(context.model.requireID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let fresh = try await ModelContext.load(context.model.requireID, on: req.db)
            let page = try await ModelFormPage.query(unit: context.unit, year: context.model.year, model: fresh.model, typed: registration, taskID: nil,
                                                     today: req.today, errors: FormErrors(error), on: req.db)
            return try await req.renderPage("model-form", title: "Sửa đăng ký", page, status: error.status)
        }
    }

    func decide(req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let input = ModelDeciding.Input(decision: fields["decision"] ?? "", reason: fields["reason"] ?? "",
                                        criteriaMet: fields.keys.compactMap { $0.hasPrefix("criterion.") ? Int($0.dropFirst(10)) : nil },
                                        note: fields["note"] ?? "", level: fields["level"] ?? "", decisionNumber: fields["decisionNumber"] ?? "",
                                        decisionDate: fields["decisionDate"] ?? "", commendationProposed: fields["commendationProposed"] ?? "",
                                        commendationGiven: fields["commendationGiven"] ?? "", version: Int(fields["version"] ?? ""))
        return try await act(req) { id, actor in _ = try await ModelDeciding.decide(id, input, by: actor, on: req.db) }
    }

    struct NoteForm: Content {
        let text: String?
        let households: String?
        let roadMetres: String?
        let trees: String?
        let files: [File]?
    }

    func note(req: Request) async throws -> Response {
        let form = try req.content.decode(NoteForm.self)
        let uploads = (form.files ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
            .map { ModelNoting.Upload(name: $0.filename, data: Data(buffer: $0.data)) }
        let figures = ModelNoting.Figures(households: form.households ?? "", roadMetres: form.roadMetres ?? "", trees: form.trees ?? "")
        let store = EvidenceStore(dataDirectory: req.application.settings.dataDirectory)
        return try await act(req) { id, actor in
            _ = try await ModelNoting.post(id, text: form.text ?? "", figures: figures, files: uploads, today: req.today, store: store, by: actor, on: req.db)
        }
    }

    func selfAssess(req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        return try await act(req) { id, actor in
            _ = try await ModelNoting.selfAssess(id, text: fields["selfAssessment"] ?? "", version: Int(fields["version"] ?? "") ?? -1, by: actor, on: req.db)
        }
    }

    func carry(req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        var created: Int?
        let response = try await act(req) { id, actor in
            created = try await ModelCopying.carryOver(id, toYear: Int(fields["year"] ?? "") ?? req.today.year, today: req.today, by: actor, on: req.db).id
        }
        return created.map { req.redirect(to: SiteRoute.model($0).path) } ?? response
    }

    func replicate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let own = try await user.unitID.asyncMap({ try await OrgUnit.find($0, on: req.db) }) ?? nil else { throw AppError.forbidden }
        var created: Int?
        let response = try await act(req) { id, actor in
            created = try await ModelCopying.replicate(id, intoUnit: own.code, year: req.today.year, today: req.today, by: actor, on: req.db).id
        }
        return created.map { req.redirect(to: SiteRoute.model($0).path) } ?? response
    }

    /// Runs a write on the model of the path; back to its page, or the page again with the refusal.
    private func act(_ req: Request, _ body: (Int, Actor) async throws -> Void) async throws -> Response {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        do {
            try await body(context.model.requireID, try req.actor)
            return req.redirect(to: SiteRoute.model(context.model.requireID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderModel(req, try await ModelContext.load(context.model.requireID, on: req.db), errors: FormErrors(error), status: error.status)
        }
    }

    /// A progress note's file, for whoever may view the model's unit.
    func file(req: Request) async throws -> Response {
        guard let id = try? req.routeID(), let file = try await ModelNoteFile.find(id, on: req.db),
              let note = try await ModelNote.find(file.noteID, on: req.db) else { throw AppError.notFound("Không tìm thấy tệp.") }
        let context = try await ModelContext.load(note.modelID, on: req.db)
        guard try await context.mayViewOwnWork(by: try req.requireUser(), on: req.db) else { throw AppError.forbidden }
        return try EvidenceStore(dataDirectory: req.application.settings.dataDirectory).download(storedName: file.storedName, originalName: file.originalName)
    }

    struct ImportForm: Content {
        let file: File?
    }

    func importFile(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.registerModel, on: unit)
        let year = try await req.modelYear(for: unit)
        let form = try req.content.decode(ImportForm.self)
        do {
            guard let file = form.file, file.data.readableBytes > 0 else { throw AppError.invalid("file", "Hãy chọn tệp Excel (.xlsx) hoặc CSV.") }
            let count = try await ModelsImport.perform(Data(buffer: file.data), filename: file.filename, unitCode: unit.code, year: year,
                                                       today: req.today, by: try req.actor, on: req.db)
            return try await renderList(req, unit: unit, notice: "Đã nhập \(count) mô hình.")
        } catch let error as AppError where [.unprocessableEntity, .conflict, .forbidden].contains(error.status) {
            return try await renderList(req, unit: unit, errors: FormErrors(error), status: error.status)
        }
    }

    func campaignForm(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.launchCampaign, on: unit)
        let page = CampaignFormPage.make(unit: unit, year: try await req.modelYear(for: unit), typed: nil)
        return try await req.renderPage("campaign-form", title: "Phát động phong trào", page)
    }

    func launch(req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let unit = try await UnitQueries.require(code: fields["unitCode"] ?? "", field: "unitCode", on: req.db)
        try await req.authorize(.launchCampaign, on: unit)
        let input = CampaignLaunching.Input(
            unitCode: unit.code, year: Int(fields["year"] ?? ""), title: fields["title"] ?? "", document: fields["document"] ?? "",
            documentDate: fields["documentDate"] ?? "", fields: fields["fields"] ?? "",
            kinds: fields.keys.filter { $0.hasPrefix("kind.") }.map { String($0.dropFirst(5)) }.sorted(),
            unitKinds: fields.keys.filter { $0.hasPrefix("unitKind.") }.map { String($0.dropFirst(9)) }.sorted(),
            registrationFrom: fields["registrationFrom"] ?? "", registrationTo: fields["registrationTo"] ?? "",
            evaluationFrom: fields["evaluationFrom"] ?? "", evaluationTo: fields["evaluationTo"] ?? "",
            levels: fields["levels"] ?? "", criteria: fields["criteria"] ?? "")
        do {
            let campaign = try await CampaignLaunching.perform(input, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.models.path + "?unit=\(unit.code)&year=\(campaign.year)")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let page = CampaignFormPage.make(unit: unit, year: input.year ?? req.today.year, typed: input, errors: FormErrors(error))
            return try await req.renderPage("campaign-form", title: "Phát động phong trào", page, status: error.status)
        }
    }

    static func registration(_ fields: [String: String]) -> ModelRegistration {
        var registration = ModelRegistration(name: fields["name"] ?? "", field: fields["field"] ?? "", subtheme: fields["subtheme"] ?? "",
                                             kind: fields["kind"] ?? "", personName: fields["personName"] ?? "",
                                             personPosition: fields["personPosition"] ?? "", personUnit: fields["personUnit"] ?? "")
        for item in ModelRegistration.items { registration[keyPath: item.path] = fields[item.key] ?? "" }
        return registration
    }
}

extension Request {
    /// `?year=`, within the years the unit has, else the current year.
    func modelYear(for unit: OrgUnit) async throws -> Int {
        let years = try await YearChoice.years(for: unit, today: today, on: db)
        return YearChoice.requested(query[String.self, at: "year"], within: years.lowerBound...max(years.upperBound, today.year), today: today)
    }

    func nonEmptyQuery(_ name: String) -> String? {
        guard let value = query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
