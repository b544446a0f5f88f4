import DanVanCore
import Vapor

/// Units CSV: upload (all or nothing, every bad row listed) and download.
struct UnitImportPagesController {
    let limits: UploadLimits

    struct ImportPage: Encodable {
        let action: String
        let columns: [Column]
        let issues: [ValidationIssue]
        let summary: String?
        let exportHref: String
    }

    struct Column: Encodable {
        let code: String
        let label: String
        let required: Bool
    }

    struct Upload: Content {
        var file: File
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.unitsImport.pathComponents, use: form)
        routes.upload(.POST, SiteRoute.unitsImport.pathComponents, limit: limits.singleFileBytes, use: upload)
        routes.get(SiteRoute.unitsExport.pathComponents, use: export)
    }

    func form(req: Request) async throws -> Response {
        try await req.authorizeOwnUnit(.createChildUnit)
        return try await req.renderPage("units-import", title: "Nhập đơn vị từ CSV", page(issues: [], summary: nil))
    }

    func upload(req: Request) async throws -> Response {
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            let issue = ValidationIssue(field: "file", message: "Hãy chọn một tệp CSV có dữ liệu.")
            return try await req.renderPage("units-import", title: "Nhập đơn vị từ CSV", page(issues: [issue], summary: nil),
                                            status: .unprocessableEntity)
        }
        do {
            let summary = try await UnitsCSVImport.perform(Data(buffer: upload.file.data), by: try req.actor, on: req.db)
            let text = "Đã nhập xong: \(summary.created) đơn vị mới, \(summary.updated) đơn vị được cập nhật."
            return try await req.renderPage("units-import", title: "Nhập đơn vị từ CSV", page(issues: [], summary: text))
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .forbidden {
            let issues = error.issues.isEmpty ? [ValidationIssue(field: error.field ?? "", message: error.reason)] : error.issues
            return try await req.renderPage("units-import", title: "Nhập đơn vị từ CSV", page(issues: issues, summary: nil),
                                            status: error.status)
        }
    }

    func export(req: Request) async throws -> Response {
        try await req.authorizeOwnUnit(.viewUnit)
        let user = try req.requireUser()
        let data = try await UnitExporter.csv(rootIDs: Authorizer.visibleRoots(of: user), on: req.db)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "don-vi.csv")
        return response
    }

    private func page(issues: [ValidationIssue], summary: String?) -> ImportPage {
        ImportPage(action: SiteRoute.unitsImport.path,
                   columns: UnitCSVColumn.allCases.map { Column(code: $0.rawValue, label: $0.vietnameseHeader,
                                                                required: UnitCSVColumn.required.contains($0)) },
                   issues: issues, summary: summary, exportHref: SiteRoute.unitsExport.path)
    }
}
