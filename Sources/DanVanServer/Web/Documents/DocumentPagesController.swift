import DanVanCore
import DanVanDocuments
import Vapor

/// Downloads of the documents a unit issues (DOCX) and of the tables the pages show (XLSX).
/// Each checks the same right as the page it belongs to.
struct DocumentPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.planDocx(SiteRoute.param).pathComponents, use: planDocx)
    }

    func planDocx(req: Request) async throws -> Response {
        let plan = try await req.plan(try req.routeParameter(), for: .viewPlans)
        let export = try await PlanExportQuery.load(plan, on: req.db)
        let data = try PlanDocxWriter.docx(export)
        return DocumentDownload.response(data, kind: .docx, name: DocumentNames.plan(plan))
    }
}
