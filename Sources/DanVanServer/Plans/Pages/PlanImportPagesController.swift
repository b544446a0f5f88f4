import DanVanCore
import DanVanDocuments
import Fluent
import Vapor

/// Upload plan files, review what was read, confirm to store. A batch of files becomes a list
/// of drafts, each reviewed on its own; files that are not plans are refused at once.
struct PlanImportPagesController {
    let limits: UploadLimits

    struct UploadPage: Encodable {
        let action: String
        let maxMB: Int
        let maxFiles: Int
        let drafts: [DraftRow]
        let refused: [Refused]
        let errors: [String]
    }

    struct DraftRow: Encodable {
        let filename: String
        let href: String
        let discardAction: String
        let summary: String
    }

    struct Refused: Encodable {
        let filename: String
        let reason: String
    }

    struct Upload: Content {
        var files: [File]?
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.planImport.pathComponents, use: form)
        routes.upload(.POST, SiteRoute.planImport.pathComponents, limit: limits.planUploadBytes, use: upload)
        routes.get(SiteRoute.planDraft(SiteRoute.anyID).pathComponents, use: review)
        routes.post(SiteRoute.planDraft(SiteRoute.anyID).pathComponents, use: confirm)
        routes.post(SiteRoute.planDraftDiscard(SiteRoute.anyID).pathComponents, use: discard)
    }

    func form(req: Request) async throws -> Response {
        try await req.authorizeOwnUnit(.editPlans)
        return try await render(req, refused: [], errors: [])
    }

    func upload(req: Request) async throws -> Response {
        let files = ((try? req.content.decode(Upload.self).files) ?? []).filter { $0.data.readableBytes > 0 }
            .map { PlanDraftUpload.File(filename: $0.filename, data: Data(buffer: $0.data)) }
        do {
            let outcomes = try await PlanDraftUpload.perform(files, limits: limits, by: try req.actor, on: req.db)
            let kept = outcomes.compactMap { if case .kept(let draft) = $0 { draft } else { nil } }
            let refused = outcomes.compactMap { if case .refused(let name, let reason) = $0 { Refused(filename: name, reason: reason) } else { nil } }
            if kept.count == 1, refused.isEmpty, let only = kept.first {
                return req.redirect(to: SiteRoute.planDraft(only.requireID).path)
            }
            return try await render(req, refused: refused, errors: [], status: kept.isEmpty ? .unprocessableEntity : .ok)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, refused: [], errors: [error.reason], status: .unprocessableEntity)
        }
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
            return req.redirect(to: SiteRoute.plan(planID).path + "?saved=1")
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

    /// Applies the edits to the reading kept with the draft, and stores plan and draft removal together.
    private func store(_ draft: PlanImportDraft, edits: PlanReviewEdits, req: Request) async throws -> Int {
        let reading: PlanDocument
        do {
            reading = try draft.read().reading
        } catch {
            throw AppError.invalid("file", error.description)
        }
        let plan = try edits.apply(to: reading)
        guard UnitInput.nonEmpty(edits.unitCode) != nil else { throw AppError.invalid("unitCode", "Hãy chọn đơn vị ban hành kế hoạch.") }
        let upper = UnitInput.nonEmpty(edits.implementsPlanID).map { Int($0) ?? -1 }
        return try await req.db.writeTransaction { tx in
            let stored = try await PlanImport.perform(plan, unitCode: edits.unitCode, upper: .chosen(upper), sourceName: draft.filename,
                                                      by: try req.actor, on: tx)
            try await PlanImportDraft.query(on: tx).filter(\.$id == draft.requireID).delete()
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

    /// The user's drafts not yet confirmed, from their kept readings.
    private func openDrafts(_ req: Request) async throws -> [DraftRow] {
        let user = try req.requireUser()
        let cutoff = Date().addingTimeInterval(-PlanImportDraft.lifetime)
        return try await PlanImportDraft.query(on: req.db).filter(\.$userID == user.requireID).filter(\.$createdAt >= cutoff)
            .sort(\.$id).all().map(row)
    }

    private func row(_ draft: PlanImportDraft) -> DraftRow {
        let summary: String
        if let reading = try? draft.read().reading {
            summary = "\(reading.number?.normalized ?? "chưa có số") · năm \(reading.year.map(String.init) ?? "?") · "
                + "\(reading.targets.count) chỉ tiêu · \(reading.tasks.count) nhiệm vụ"
        } else {
            summary = "không đọc được"
        }
        return DraftRow(filename: draft.filename, href: SiteRoute.planDraft(draft.requireID).path,
                        discardAction: SiteRoute.planDraftDiscard(draft.requireID).path, summary: summary)
    }

    private func render(_ req: Request, refused: [Refused], errors: [String], status: HTTPStatus = .ok) async throws -> Response {
        let page = UploadPage(action: SiteRoute.planImport.path, maxMB: limits.fileBytes / 1_048_576, maxFiles: limits.planFilesPerUpload,
                              drafts: try await openDrafts(req), refused: refused, errors: errors)
        return try await req.renderPage("plan-import", title: "Nhập kế hoạch", page, status: status)
    }

    private func renderReview(_ req: Request, draft: PlanImportDraft, edits: PlanReviewEdits?, errors: FormErrors,
                              status: HTTPStatus = .ok) async throws -> Response {
        do {
            let (reading, lines) = try draft.read()
            let page = try await PlanReviewPage.query(draft: draft, lines: lines, reading: reading, edits: edits, errors: errors,
                                                      for: try req.requireUser(), on: req.db)
            return try await req.renderPage("plan-review", title: "Xem lại: \(draft.filename)", page, status: status)
        } catch let error as PlanReadError {
            try await draft.delete(on: req.db)
            return try await render(req, refused: [Refused(filename: draft.filename, reason: error.description)], errors: [],
                                    status: .unprocessableEntity)
        }
    }
}
