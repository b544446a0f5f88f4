import DanVanCore
import Fluent
import Vapor

/// Stored plans and the documents they cite.
struct PlanPagesController {
    struct ListPage: Encodable {
        let plans: [PlanRow]
        let importHref: String?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.plans.pathComponents, use: list)
        routes.get(SiteRoute.plan(SiteRoute.param).pathComponents, use: show)
        routes.get(SiteRoute.document(SiteRoute.param).pathComponents, use: document)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let plans = try await PlanQueries.visible(to: user, on: req.db)
        let canImport = (try? await req.authorizeOwnUnit(.editPlans)) != nil
        let page = ListPage(plans: try await PlanQueries.rows(plans, on: req.db), importHref: canImport ? SiteRoute.planImport.path : nil)
        return try await req.renderPage("plans", title: "Kế hoạch", page)
    }

    func show(req: Request) async throws -> Response {
        let plan = try await PlanQueries.require(id: try req.routeParameter(), on: req.db)
        guard let unit = try await OrgUnit.find(plan.unitID, on: req.db) else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        try await req.authorize(.viewPlans, on: unit)
        let page = try await PlanDetailPage.query(plan, for: try req.requireUser(), on: req.db)
        return try await req.renderPage("plan", title: plan.subject, page)
    }

    func document(req: Request) async throws -> Response {
        guard let id = Int(try req.routeParameter()), let document = try await CitedDocument.find(id, on: req.db) else {
            throw AppError.notFound("Không tìm thấy văn bản.")
        }
        let page = try await CitedDocumentPage.query(document, for: try req.requireUser(), on: req.db)
        return try await req.renderPage("document", title: page.label, page)
    }
}
