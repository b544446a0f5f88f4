import DanVanCore
import DanVanDocuments
import Fluent
import Vapor

/// Upload plan files, review what was read, confirm to store. A batch of files becomes a list
/// of drafts, each reviewed on its own.
struct PlanImportPagesController {
    struct UploadPage: Encodable {
        let action: String
        let maxMB: Int
        let drafts: [DraftRow]
        let errors: [String]
    }

    struct DraftRow: Encodable {
        let filename: String
        let href: String?
        let summary: String
        let problem: String?
    }

    struct Upload: Content {
        var files: [File]?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.planImport.pathComponents, use: form)
        routes.on(.POST, SiteRoute.planImport.pathComponents, body: .collect(maxSize: "100mb"), use: upload)
        routes.get(SiteRoute.planDraft(SiteRoute.anyID).pathComponents, use: review)
        routes.post(SiteRoute.planDraft(SiteRoute.anyID).pathComponents, use: confirm)
        routes.post(SiteRoute.planDraftDiscard(SiteRoute.anyID).pathComponents, use: discard)
    }

    func form(req: Request) async throws -> Response {
        try await req.authorizeOwnUnit(.editPlans)
        return try await render(req, drafts: try await openDrafts(req), errors: [])
    }

    func upload(req: Request) async throws -> Response {
        try await req.authorizeOwnUnit(.editPlans)
        let user = try req.requireUser()
        let files = (try? req.content.decode(Upload.self).files) ?? []
        let chosen = files.filter { $0.data.readableBytes > 0 }
        guard !chosen.isEmpty else {
            return try await render(req, drafts: [], errors: ["Hãy chọn ít nhất một tệp kế hoạch (.docx, .txt, .md)."], status: .unprocessableEntity)
        }
        let drafts = chosen.map { PlanImportDraft(userID: user.requireID, filename: $0.filename, content: Data(buffer: $0.data)) }
        try await req.db.transaction { tx in
            for draft in drafts { try await draft.create(on: tx) }
        }
        if drafts.count == 1, let only = drafts.first {
            return req.redirect(to: SiteRoute.planDraft(only.requireID).path)
        }
        return try await render(req, drafts: drafts.map(row), errors: [])
    }

    func review(req: Request) async throws -> Response {
        let draft = try await ownDraft(req)
        return try await renderReview(req, draft: draft, edits: nil, errors: .none)
    }

    func confirm(req: Request) async throws -> Response {
        let draft = try await ownDraft(req)
        let edits = try req.content.decode(PlanReviewEdits.self)
        do {
            let planID = try await store(draft, edits: edits, req: req)
            return req.redirect(to: SiteRoute.plan(planID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict, .notFound, .forbidden].contains(error.status) {
            // Every refusal keeps the reviewer's edits on the page.
            return try await renderReview(req, draft: draft, edits: edits, errors: FormErrors(error),
                                          status: error.status == .notFound ? .unprocessableEntity : error.status)
        }
    }

    func discard(req: Request) async throws -> Response {
        let draft = try await ownDraft(req)
        try await draft.delete(on: req.db)
        return req.redirect(to: SiteRoute.planImport.path)
    }

    /// Reads the draft again, applies the edits, and stores plan and draft removal together.
    private func store(_ draft: PlanImportDraft, edits: PlanReviewEdits, req: Request) async throws -> Int {
        let reading: PlanDocument
        do {
            reading = try PlanFileReader.read(draft.content, filename: draft.filename)
        } catch {
            throw AppError.invalid("file", error.description)
        }
        let plan = try edits.apply(to: reading)
        guard UnitInput.nonEmpty(edits.unitCode) != nil else { throw AppError.invalid("unitCode", "Hãy chọn đơn vị ban hành kế hoạch.") }
        let upper = UnitInput.nonEmpty(edits.implementsPlanID).map { Int($0) ?? -1 }
        return try await req.db.transaction { tx in
            let stored = try await PlanImport.perform(plan, unitCode: edits.unitCode, upper: .chosen(upper), sourceName: draft.filename,
                                                      by: try req.actor, on: tx)
            try await draft.delete(on: tx)
            return stored
        }
    }

    private func ownDraft(_ req: Request) async throws -> PlanImportDraft {
        let user = try req.requireUser()
        guard let id = try? req.routeID(), let draft = try await PlanImportDraft.find(id, on: req.db),
              draft.userID == user.id else {
            throw AppError.notFound("Không tìm thấy tệp đang chờ xác nhận (có thể đã lưu hoặc đã hủy).")
        }
        return draft
    }

    /// The user's drafts not yet confirmed; expired ones are removed on the way.
    private func openDrafts(_ req: Request) async throws -> [DraftRow] {
        let user = try req.requireUser()
        try await PlanImportDraft.query(on: req.db).filter(\.$createdAt < Date().addingTimeInterval(-PlanImportDraft.lifetime)).delete()
        return try await PlanImportDraft.query(on: req.db).filter(\.$userID == user.requireID).sort(\.$id).all().map(row)
    }

    private func row(_ draft: PlanImportDraft) -> DraftRow {
        let href = SiteRoute.planDraft(draft.requireID).path
        do {
            let reading = try PlanFileReader.read(draft.content, filename: draft.filename)
            let summary = "\(reading.number?.normalized ?? "chưa có số") · năm \(reading.year.map(String.init) ?? "?") · "
                + "\(reading.targets.count) chỉ tiêu · \(reading.tasks.count) nhiệm vụ"
            return DraftRow(filename: draft.filename, href: href, summary: summary,
                            problem: reading.kind == .plan ? nil : reading.warnings.first?.message)
        } catch {
            return DraftRow(filename: draft.filename, href: href, summary: "", problem: error.description)
        }
    }

    private func render(_ req: Request, drafts: [DraftRow], errors: [String], status: HTTPStatus = .ok) async throws -> Response {
        let page = UploadPage(action: SiteRoute.planImport.path, maxMB: PlanFileReader.maxBytes / 1_048_576, drafts: drafts, errors: errors)
        return try await req.renderPage("plan-import", title: "Nhập kế hoạch", page, status: status)
    }

    private func renderReview(_ req: Request, draft: PlanImportDraft, edits: PlanReviewEdits?, errors: FormErrors,
                              status: HTTPStatus = .ok) async throws -> Response {
        do {
            let lines = try PlanFileReader.lines(draft.content, filename: draft.filename)
            let reading = PlanReader.read(lines)
            let page = try await PlanReviewPage.query(draft: draft, lines: lines, reading: reading, edits: edits, errors: errors,
                                                      for: try req.requireUser(), on: req.db)
            return try await req.renderPage("plan-review", title: "Xem lại: \(draft.filename)", page, status: status)
        } catch let error as PlanReadError {
            let page = UploadPage(action: SiteRoute.planImport.path, maxMB: PlanFileReader.maxBytes / 1_048_576,
                                  drafts: [row(draft)], errors: [error.description])
            return try await req.renderPage("plan-import", title: "Nhập kế hoạch", page, status: .unprocessableEntity)
        }
    }
}
