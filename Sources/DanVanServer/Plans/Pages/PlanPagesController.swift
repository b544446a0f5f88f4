import DanVanCore
import Fluent
import Vapor

/// Stored plans and the documents they cite.
struct PlanPagesController {
    struct ListPage: Encodable {
        let heading: String
        let plans: [PlanRow]
        let years: YearChoice?
        let importHref: String?
        /// The units the user may start a blank plan for (their own and those directly below).
        let newPlanUnits: [SelectOption]
        let newPlanAction: String
        let year: Int
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.plans.pathComponents, use: list)
        routes.get(SiteRoute.plan(SiteRoute.anyID).pathComponents, use: show)
        routes.get(SiteRoute.document(SiteRoute.anyID).pathComponents, use: document)
        routes.get(SiteRoute.planGrid(SiteRoute.anyID).pathComponents, use: grid)
        routes.post(SiteRoute.planDerive(SiteRoute.anyID).pathComponents, use: derive)
        routes.post(SiteRoute.planReporting(SiteRoute.anyID).pathComponents, use: reporting)
    }

    func grid(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeID(), for: .viewPlans)
        let page = try await PlanGridPage.query(plan, today: Today.date, on: req.db)
        return try await req.renderPage("plan-grid", title: "Tiến độ 12 tháng", page)
    }

    struct DeriveForm: Content {
        let unitCode: String?
    }

    /// Starts a lower unit's plan from this one; a unit that has one already is sent to it.
    func derive(req: Request) async throws -> Response {
        let upper = try await req.plan(try req.routeID(), for: .viewPlans)
        guard let code = try req.content.decode(DeriveForm.self).unitCode.flatMap(UnitInput.nonEmpty) else {
            throw AppError.invalid("unitCode", "Hãy chọn đơn vị lập kế hoạch.")
        }
        let unit = try await UnitQueries.require(code: code, field: "unitCode", on: req.db)
        try await req.authorize(.editPlans, on: unit)
        if let existing = try await PlanQueries.existing(unitID: unit.requireID, year: upper.year, on: req.db) {
            return req.redirect(to: SiteRoute.plan(existing.requireID).path + "?exists=1")
        }
        let planID = try await PlanDerivation.perform(from: upper.requireID, for: unit, year: upper.year, by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.plan(planID).path)
    }


    /// The plans the user may read for a year (default: this year), or with `?unit=CODE` one unit's.
    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let today = req.today
        let unit = try await UnitInput.nonEmpty(req.query[String.self, at: "unit"]).asyncMap { code in
            let unit = try await UnitQueries.require(code: code, field: "unit", on: req.db)
            try await req.authorize(.viewUnit, on: unit)
            return unit
        }
        let span = try await YearChoice.years(for: unit, today: today, on: req.db)
        let year = YearChoice.requested(req.query[String.self, at: "year"], within: span, today: today)
        var plans = try await PlanAccess.visible(to: user, on: req.db).filter { $0.year == year }
        if let unit { plans = plans.filter { $0.unitID == unit.id } }
        let canImport = (try? await req.authorizeOwnUnit(.editPlans)) != nil
        let units = canImport ? try await user.unitID.asyncMap { try await UnitQueries.subtree(of: [$0], maxDepth: 1, on: req.db) } ?? [] : []
        let keep = unit.map { ["unit": $0.code] } ?? [:]
        let page = ListPage(heading: "Kế hoạch năm \(year)" + (unit.map { " · \($0.name)" } ?? ""), plans: try await PlanQueries.rows(plans, on: req.db),
                            years: .make(action: SiteRoute.plans.path, selected: year, years: span, keeping: keep),
                            importHref: canImport ? SiteRoute.planImport.path : nil,
                            newPlanUnits: units.map { SelectOption(value: $0.code, label: $0.name, selected: $0.id == user.unitID) },
                            newPlanAction: SiteRoute.planNew.path, year: year)
        return try await req.renderPage("plans", title: page.heading, page)
    }

    func show(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeID(), for: .viewPlans)
        var page = try await PlanDetailPage.query(plan, for: try req.requireUser(), rollups: req.application.rollupCache, on: req.db)
        page.alreadyExisted = (try? req.query.get(String.self, at: "exists")) == "1"
        page.justSaved = (try? req.query.get(String.self, at: "saved")) == "1"
        return try await req.renderPage("plan", title: plan.subject.sentenceCased, page, crumbs: Self.crumbs(page))
    }

    /// Unit → its plans of the year → this plan.
    static func crumbs(_ page: PlanDetailPage) -> [Layout.Crumb] {
        [Layout.Crumb(label: page.plan.unitName, href: page.unitHref),
         Layout.Crumb(label: "Kế hoạch năm \(page.plan.year)", href: page.unitHref.map { _ in page.plansHref }),
         Layout.Crumb(label: page.plan.number, href: nil)]
    }

    struct ReportingForm: Content {
        let frequency: String?
        let scopeCode: String?
        let deadlineDays: String?
        let closeDays: String?
    }

    func reporting(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeID(), for: .editPlans)
        let user = try req.requireUser()
        let form = try req.content.decode(ReportingForm.self)
        let input = ReportingDutySetting.Input(frequency: form.frequency ?? "", scopeCode: form.scopeCode ?? "",
                                               deadlineDays: form.deadlineDays ?? "", closeDays: form.closeDays ?? "")
        do {
            _ = try await ReportingDutySetting.perform(input, planID: plan.requireID, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.plan(plan.requireID).path + "#bao-cao")
        } catch let error as AppError where [.unprocessableEntity, .forbidden, .notFound].contains(error.status) {
            let page = try await PlanDetailPage.query(plan, for: user, reportingErrors: FormErrors(error),
                                                      rollups: req.application.rollupCache, on: req.db)
            return try await req.renderPage("plan", title: plan.subject.sentenceCased, page, status: error.status)
        }
    }

    func document(req: Request) async throws -> Response {
        guard let id = try? req.routeID(), let document = try await CitedDocument.find(id, on: req.db) else {
            throw AppError.notFound("Không tìm thấy văn bản.")
        }
        let page = try await CitedDocumentPage.query(document, for: try req.requireUser(), on: req.db)
        return try await req.renderPage("document", title: page.label, page)
    }
}
