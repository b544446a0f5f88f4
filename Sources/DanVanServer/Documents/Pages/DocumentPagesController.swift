import DanVanCore
import DanVanDocuments
import Vapor

/// Downloads of the documents a unit issues (DOCX) and of the tables the pages show (XLSX).
/// Each checks the same right as the page it belongs to.
struct DocumentPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.planDocx(SiteRoute.anyID).pathComponents, use: planDocx)
        routes.get(SiteRoute.planGridXlsx(SiteRoute.anyID).pathComponents, use: planGridXlsx)
        routes.get(SiteRoute.reviewReportDocx(SiteRoute.anyCode).pathComponents, use: reviewDocx)
        routes.get(SiteRoute.dashboardTargetsXlsx(SiteRoute.anyCode).pathComponents) { try await table(.targets, req: $0) }
        routes.get(SiteRoute.dashboardChildrenXlsx(SiteRoute.anyCode).pathComponents) { try await table(.children, req: $0) }
        routes.get(SiteRoute.dashboardCompletenessXlsx(SiteRoute.anyCode).pathComponents) { try await table(.completeness, req: $0) }
    }

    func planDocx(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeID(), for: .viewPlans)
        return download(try await DocumentExports.plan(plan, on: req.db), kind: .docx)
    }

    func planGridXlsx(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeID(), for: .viewPlans)
        return download(try await DocumentExports.grid(plan, today: Today.date, on: req.db), kind: .xlsx)
    }

    func reviewDocx(req: Request) async throws -> Response {
        let unit = try await req.visibleUnit()
        let link = try await req.dashboardRequest()
        let file = try await DocumentExports.review(unit: unit, period: link.period, includeSubmitted: link.includeSubmitted,
                                                    rollups: req.application.rollupCache, on: req.db)
        return download(file, kind: .docx)
    }

    func table(_ kind: TableExports.Kind, req: Request) async throws -> Response {
        let unit = try await req.visibleUnit()
        let link = try await req.dashboardRequest()
        return download(try await DocumentExports.table(kind, unit: unit, link: link, rollups: req.application.rollupCache, on: req.db),
                        kind: .xlsx)
    }

    private func download(_ file: DocumentExports.File, kind: DocumentDownload.Kind) -> Response {
        DocumentDownload.response(file.data, kind: kind, name: file.name)
    }
}
