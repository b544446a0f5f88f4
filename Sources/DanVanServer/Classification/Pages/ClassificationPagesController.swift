import DanVanCore
import Fluent
import Foundation
import Vapor

/// Classification pages: a unit's rounds and grades, opening a round, the round's table and
/// publication, a sheet with scoring, evidence, re-filling and the level above's actions, the
/// criteria sets, and the documents.
struct ClassificationPagesController {
    let limits: UploadLimits

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.classification.pathComponents, use: index)
        routes.get(SiteRoute.classificationRoundNew.pathComponents, use: roundForm)
        routes.post(SiteRoute.classificationRoundNew.pathComponents, use: openRound)
        routes.get(SiteRoute.classificationRound(SiteRoute.anyID).pathComponents, use: round)
        routes.post(SiteRoute.classificationRoundPublish(SiteRoute.anyID).pathComponents, use: publish)
        routes.get(SiteRoute.classificationRoundXlsx(SiteRoute.anyID).pathComponents, use: summaryXlsx)
        routes.get(SiteRoute.classificationRoundDocx(SiteRoute.anyID).pathComponents, use: decisionDocx)
        routes.get(SiteRoute.classificationSheet(SiteRoute.anyID).pathComponents, use: sheet)
        routes.post(SiteRoute.classificationSheet(SiteRoute.anyID).pathComponents, use: saveSheet)
        routes.post(SiteRoute.classificationSheetDecide(SiteRoute.anyID).pathComponents, use: decide)
        routes.upload(.POST, SiteRoute.classificationSheetEvidence(SiteRoute.anyID).pathComponents, limit: limits.evidencePostBytes, use: evidence)
        routes.post(SiteRoute.classificationSheetPrefill(SiteRoute.anyID).pathComponents, use: prefill)
        routes.get(SiteRoute.classificationFile(SiteRoute.anyID).pathComponents, use: file)
        routes.post(SiteRoute.classificationFileRemove(SiteRoute.anyID).pathComponents, use: removeFile)
        routes.get(SiteRoute.criteriaSets.pathComponents, use: sets)
        routes.upload(.POST, SiteRoute.criteriaSets.pathComponents, limit: limits.singleFileBytes, use: keepSet)
        routes.get(SiteRoute.criteriaSet(SiteRoute.anyID).pathComponents, use: set)
        routes.get(SiteRoute.criteriaSetXlsx(SiteRoute.anyID).pathComponents, use: setXlsx)
    }

    func index(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        let page = try await ClassificationIndexPage.query(unit: unit, canOpen: try await allows(req, .openRound, on: unit), on: req.db)
        return try await req.renderPage("classification", title: "Xếp loại · \(unit.name)", page,
                                        crumbs: [.init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Xếp loại", href: nil)])
    }

    func roundForm(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.openRound, on: unit)
        return try await req.renderPage("classification-round-form", title: "Mở đợt xếp loại",
                                        try await RoundFormPage.query(unit: unit, today: req.today, on: req.db))
    }

    func openRound(req: Request) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let unit = try await UnitQueries.require(code: fields["unitCode"] ?? "", field: "unitCode", on: req.db)
        try await req.authorize(.openRound, on: unit)
        let input = RoundOpening.Input(unitCode: unit.code, year: Int(fields["year"] ?? ""), setID: Int(fields["setID"] ?? ""), title: fields["title"] ?? "",
                                       opensOn: fields["opensOn"] ?? "", closesOn: fields["closesOn"] ?? "")
        do {
            let round = try await RoundOpening.perform(input, today: req.today, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.classificationRound(round.requireID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let page = try await RoundFormPage.query(unit: unit, today: req.today, typed: input, errors: FormErrors(error), on: req.db)
            return try await req.renderPage("classification-round-form", title: "Mở đợt xếp loại", page, status: error.status)
        }
    }

    func round(req: Request) async throws -> Response {
        try await renderRound(req, try await RoundTable.visible(try req.routeID(), by: try req.requireUser(), on: req.db))
    }

    private func renderRound(_ req: Request, _ table: RoundTable, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let page = RoundPage.make(table, canPublish: try await allows(req, .openRound, on: table.unit), errors: errors)
        return try await req.renderPage("classification-round", title: table.round.title, page, status: status, crumbs: [
            .init(label: table.unit.name, href: SiteRoute.unit(table.unit.code).path),
            .init(label: "Xếp loại", href: SiteRoute.classification.path + "?unit=\(table.unit.code)"), .init(label: "Năm \(table.round.year)", href: nil)])
    }

    func publish(req: Request) async throws -> Response {
        let table = try await RoundTable.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let fields = try req.content.decode([String: String].self)
        do {
            _ = try await RoundPublishing.perform(table.round.requireID, .init(decision: fields["decision"] ?? "", decisionDate: fields["decisionDate"] ?? "",
                                                                               version: Int(fields["version"] ?? "")), by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.classificationRound(table.round.requireID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderRound(req, try await RoundTable.load(table.round.requireID, on: req.db), errors: FormErrors(error), status: error.status)
        }
    }

    func summaryXlsx(req: Request) async throws -> Response {
        let table = try await RoundTable.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return DocumentDownload.response(try ClassificationDocuments.summaryXlsx(table), kind: .xlsx,
                                         name: ClassificationDocuments.fileName(table, "Tổng hợp xếp loại công tác dân vận"))
    }

    func decisionDocx(req: Request) async throws -> Response {
        let table = try await RoundTable.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return DocumentDownload.response(try await ClassificationDocuments.decisionDocx(table, on: req.db), kind: .docx,
                                         name: ClassificationDocuments.fileName(table, "Dự thảo quyết định xếp loại công tác dân vận"))
    }

    func sheet(req: Request) async throws -> Response {
        try await renderSheet(req, try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db))
    }

    private func renderSheet(_ req: Request, _ context: SheetContext, typed: [String: SheetScoring.Entry] = [:], notice: String? = nil,
                             errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let relation = try await Authorizer.relation(of: user, to: context.unit.requireID, on: req.db)
        let seeRound = try await Authorizer.allows(user, .viewUnit, on: context.roundUnit, db: req.db)
        let page = SheetPage.make(context, may: (Authorizer.allows(user, .scoreSheet, relation: relation), Authorizer.allows(user, .appraiseSheet, relation: relation),
                                                 seeRound), today: req.today, typed: typed, notice: notice, errors: errors)
        // A unit below the one that opened the round sees its own pages, not the round's.
        let crumbs: [Layout.Crumb] = seeRound
            ? [.init(label: context.roundUnit.name, href: SiteRoute.unit(context.roundUnit.code).path),
               .init(label: "Xếp loại năm \(context.round.year)", href: SiteRoute.classificationRound(context.round.requireID).path)]
            : [.init(label: context.unit.name, href: SiteRoute.unit(context.unit.code).path),
               .init(label: "Xếp loại", href: SiteRoute.classification.path + "?unit=\(context.unit.code)")]
        return try await req.renderPage("classification-sheet", title: "Phiếu chấm điểm · \(context.unit.name)", page, status: status,
                                        crumbs: crumbs + [.init(label: seeRound ? context.unit.name : "Năm \(context.round.year)", href: nil)])
    }

    /// "points.I.1", "note.I.1", "reason.I.1" → an entry per criterion.
    static func entries(_ fields: [String: String]) -> [String: SheetScoring.Entry] {
        var entries: [String: SheetScoring.Entry] = [:]
        for (name, value) in fields {
            for (prefix, path) in [("points.", \SheetScoring.Entry.points), ("note.", \.note), ("reason.", \.overrideReason)] where name.hasPrefix(prefix) {
                entries[String(name.dropFirst(prefix.count)), default: .init()][keyPath: path] = value
            }
        }
        return entries
    }

    func saveSheet(req: Request) async throws -> Response {
        let context = try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let fields = try req.content.decode([String: String].self)
        let entries = Self.entries(fields)
        do {
            var saved = try await SheetScoring.save(context.sheet.requireID, entries: entries, version: Int(fields["version"] ?? "") ?? -1,
                                                    by: try req.actor, on: req.db)
            if fields["then"] == "submit" {
                saved = try await SheetDeciding.decide(saved.sheet.requireID, .init(action: SheetAction.submit.rawValue, version: saved.sheet.version),
                                                       today: req.today, by: try req.actor, on: req.db)
                return try await renderSheet(req, saved, notice: "Đã gửi phiếu lên \(saved.roundUnit.name).")
            }
            return try await renderSheet(req, saved, notice: "Đã lưu điểm tự chấm.")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderSheet(req, try await SheetContext.load(context.sheet.requireID, on: req.db), typed: entries, errors: FormErrors(error),
                                         status: error.status)
        }
    }

    func decide(req: Request) async throws -> Response {
        let context = try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let fields = try req.content.decode([String: String].self)
        let input = SheetDeciding.Input(action: fields["action"] ?? "", version: Int(fields["version"] ?? ""), reason: fields["reason"] ?? "",
                                        scores: Self.entries(fields))
        do {
            let decided = try await SheetDeciding.decide(context.sheet.requireID, input, today: req.today, by: try req.actor, on: req.db)
            return try await renderSheet(req, decided, notice: "Đã ghi: \(SheetAction(rawValue: input.action)?.label ?? input.action).")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderSheet(req, try await SheetContext.load(context.sheet.requireID, on: req.db), typed: input.scores, errors: FormErrors(error),
                                         status: error.status)
        }
    }

    struct EvidenceForm: Content {
        let criterion: String?
        let files: [File]?
    }

    func evidence(req: Request) async throws -> Response {
        let context = try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let form = try req.content.decode(EvidenceForm.self)
        let uploads = (form.files ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
            .map { EvidenceUploads.Upload(name: $0.filename, data: Data(buffer: $0.data)) }
        do {
            let saved = try await SheetEvidence.attach(context.sheet.requireID, criterion: form.criterion ?? "", files: uploads,
                                                       store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory), by: try req.actor, on: req.db)
            return try await renderSheet(req, saved, notice: "Đã đính kèm \(uploads.count) tệp minh chứng.")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderSheet(req, context, errors: FormErrors(error), status: error.status)
        }
    }

    func prefill(req: Request) async throws -> Response {
        let context = try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        do {
            let version = Int((try? req.content.decode([String: String].self))?["version"] ?? "") ?? -1
            let filled = try await SheetRefilling.refill(context.sheet.requireID, version: version, today: req.today, by: try req.actor, on: req.db)
            return try await renderSheet(req, filled, notice: "Đã điền lại các tiêu chí DanVan tự tính.")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderSheet(req, context, errors: FormErrors(error), status: error.status)
        }
    }

    /// An evidence file, for whoever may see the sheet.
    func file(req: Request) async throws -> Response {
        guard let id = try? req.routeID(), let file = try await ClassificationFile.find(id, on: req.db) else { throw AppError.notFound("Không tìm thấy tệp.") }
        _ = try await SheetContext.visible(file.sheetID, by: try req.requireUser(), on: req.db)
        return try EvidenceStore(dataDirectory: req.application.settings.dataDirectory).download(storedName: file.storedName, originalName: file.originalName)
    }

    func removeFile(req: Request) async throws -> Response {
        guard let id = try? req.routeID(), let file = try await ClassificationFile.find(id, on: req.db) else { throw AppError.notFound("Không tìm thấy tệp.") }
        let context = try await SheetContext.visible(file.sheetID, by: try req.requireUser(), on: req.db)
        let fields = try req.content.decode([String: String].self)
        do {
            let updated = try await SheetEvidence.remove(id, version: Int(fields["version"] ?? "") ?? -1,
                                                         store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory), by: try req.actor, on: req.db)
            return try await renderSheet(req, updated, notice: "Đã gỡ tệp \(file.originalName).")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderSheet(req, try await SheetContext.load(context.sheet.requireID, on: req.db), errors: FormErrors(error), status: error.status)
        }
    }

    func sets(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        let page = try await CriteriaSetsPage.query(unit: unit, canKeep: try await allows(req, .openRound, on: unit), on: req.db)
        return try await req.renderPage("criteria-sets", title: "Bộ tiêu chí xếp loại", page, crumbs: [
            .init(label: unit.name, href: SiteRoute.unit(unit.code).path),
            .init(label: "Xếp loại", href: SiteRoute.classification.path + "?unit=\(unit.code)"), .init(label: "Bộ tiêu chí", href: nil)])
    }

    struct SetForm: Content {
        let title: String?
        let decision: String?
        let decisionDate: String?
        let validFrom: String?
        let replaces: String?
        /// The checked unit kinds, as `unitKinds[]`: one decoding for the whole multipart form,
        /// whatever the uploaded file holds.
        let unitKinds: [String]?
        let table: String?
        let file: File?
    }

    func keepSet(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.openRound, on: unit)
        let form = try req.content.decode(SetForm.self)
        var input = CriteriaSetSaving.Input(unitCode: unit.code, title: form.title ?? "", decision: form.decision ?? "", decisionDate: form.decisionDate ?? "",
                                            validFrom: form.validFrom ?? "",
                                            unitKinds: form.unitKinds ?? [],
                                            replaces: Int(form.replaces ?? ""))
        do {
            let tables: CriteriaSetFile.Tables
            if let file = form.file, file.data.readableBytes > 0 {
                tables = try CriteriaSetFile.tables(Data(buffer: file.data), filename: file.filename)
            } else if let text = form.table, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                tables = try CriteriaSetFile.stacked(text)
            } else {
                throw AppError.invalid("file", "Hãy dán bảng tiêu chí hoặc chọn tệp Excel (.xlsx) hay CSV.")
            }
            (input.criteria, input.bands, input.gates) = (tables.criteria, tables.bands, tables.gates)
            let set = try await CriteriaSetSaving.perform(input, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.criteriaSet(set.requireID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let page = try await CriteriaSetsPage.query(unit: unit, canKeep: true, typed: input, pasted: form.table ?? "", errors: FormErrors(error), on: req.db)
            return try await req.renderPage("criteria-sets", title: "Bộ tiêu chí xếp loại", page, status: error.status)
        }
    }

    func set(req: Request) async throws -> Response {
        let set = try await CriteriaSets.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return try await req.renderPage("criteria-set", title: set.title, try CriteriaSetPage.make(set))
    }

    func setXlsx(req: Request) async throws -> Response {
        let set = try await CriteriaSets.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return DocumentDownload.response(try ClassificationDocuments.setXlsx(set), kind: .xlsx, name: "Bộ tiêu chí \(set.decisionNumber)")
    }

    private func allows(_ req: Request, _ action: AccessAction, on unit: OrgUnit) async throws -> Bool {
        try await Authorizer.allows(try req.requireUser(), action, on: unit, db: req.db)
    }
}
