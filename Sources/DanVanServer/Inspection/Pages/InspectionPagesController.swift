import DanVanCore
import Fluent
import Foundation
import Vapor

/// Inspection pages: a unit's inspections and what its units must fix, recording one, its
/// conclusion, the steps on each requirement, and the conclusion notice (DOCX) and table (XLSX).
struct InspectionPagesController {
    let limits: UploadLimits

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.inspections.pathComponents, use: overview)
        routes.get(SiteRoute.inspectionNew.pathComponents, use: newInspection)
        routes.post(SiteRoute.inspectionNew.pathComponents, use: record)
        routes.get(SiteRoute.inspection(SiteRoute.anyID).pathComponents, use: show)
        routes.post(SiteRoute.inspectionConclusion(SiteRoute.anyID).pathComponents, use: conclude)
        routes.get(SiteRoute.inspectionDocx(SiteRoute.anyID).pathComponents) { try await notice($0, kind: .docx) }
        routes.get(SiteRoute.inspectionXlsx(SiteRoute.anyID).pathComponents) { try await notice($0, kind: .xlsx) }
        routes.upload(.POST, SiteRoute.requirementAction(SiteRoute.anyID).pathComponents, limit: limits.evidencePostBytes, use: act)
        routes.get(SiteRoute.requirementFile(SiteRoute.anyID).pathComponents, use: file)
        routes.post(SiteRoute.inspectionPlanFromTask.pathComponents, use: planFromTask)
    }

    func overview(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        let years = try await YearChoice.years(for: unit, today: req.today, on: req.db)
        let year = YearChoice.requested(req.query[String.self, at: "year"], within: years, today: req.today)
        let canInspect = try await Authorizer.allows(try req.requireUser(), .inspect, on: unit, db: req.db)
        let page = try await InspectionsPage.query(unit: unit, year: year, years: years, canInspect: canInspect, today: req.today, on: req.db)
        return try await req.renderPage("inspections", title: "Kiểm tra, giám sát · \(unit.name)", page,
                                        crumbs: [.init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Kiểm tra, giám sát", href: nil)])
    }

    func newInspection(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.inspect, on: unit)
        var form = InspectionForm()
        form.unitCode = unit.code
        if let itemID = req.query[Int.self, at: "item"] {
            guard let item = try await InspectionPlanItem.find(itemID, on: req.db), item.unitID == unit.requireID else {
                throw AppError.notFound("Không có mục #\(itemID) trong kế hoạch kiểm tra của \(unit.name).")
            }
            let subjects = try await InspectionPlanQueries.items(of: unit, year: item.year, on: req.db).first { $0.item.requireID == itemID }?.subjects ?? []
            form.planItemID = String(itemID)
            form.kind = item.kindRaw
            form.title = item.contents.firstSentence
            form.contents = item.contents
            form.subjects = subjects.map(\.code)
            form.startsOn = CivilDate(year: item.year, month: item.month, day: 1)?.description
        }
        return try await renderForm(req, unit: unit, form: form)
    }

    private func renderForm(_ req: Request, unit: OrgUnit, form: InspectionForm, errors: FormErrors = .none,
                            status: HTTPStatus = .ok) async throws -> Response {
        let page = try await InspectionFormPage.make(unit: unit, form: form, errors: errors, today: req.today, on: req.db)
        return try await req.renderPage("inspection-form", title: "Ghi kiểm tra, giám sát", page, status: status, crumbs: [
            .init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Kiểm tra, giám sát", href: SiteRoute.inspections.path + "?unit=\(unit.code)"),
            .init(label: "Ghi mới", href: nil)])
    }

    /// The page's form: the conclusion's findings and requirements one per line, "mã đơn vị | … | …".
    struct InspectionForm: Content {
        var unitCode: String?
        var kind: String?
        var title: String?
        var decisionNumber: String?
        var decisionDate: String?
        var team: String?
        var subjects: [String]?
        var periodFrom: String?
        var periodTo: String?
        var contents: String?
        var startsOn: String?
        var endsOn: String?
        var planItemID: String?
        var conclusionNumber: String?
        var concludedOn: String?
        var findings: String?
        var requirements: String?
        var version: String?

        var conclusion: InspectionRecording.Conclusion {
            var conclusion = InspectionRecording.Conclusion()
            conclusion.conclusionNumber = conclusionNumber ?? ""
            conclusion.concludedOn = concludedOn ?? ""
            conclusion.findings = Self.lines(findings).map { parts in
                InspectionRecording.FindingInput(unitCode: parts[safe: 0] ?? "", type: FindingLine.type(parts[safe: 1] ?? ""), text: parts[safe: 2] ?? "",
                                                 severity: FindingLine.severity(parts[safe: 3] ?? ""))
            }
            conclusion.requirements = Self.lines(requirements).map { parts in
                InspectionRecording.RequirementInput(unitCode: parts[safe: 0] ?? "", text: parts[safe: 1] ?? "", dueOn: parts[safe: 2] ?? "")
            }
            conclusion.version = Int(version ?? "") ?? -1
            return conclusion
        }

        var input: InspectionRecording.Input {
            var input = InspectionRecording.Input()
            input.unitCode = unitCode ?? ""
            input.kind = kind ?? ""
            input.title = title ?? ""
            input.decisionNumber = decisionNumber ?? ""
            input.decisionDate = decisionDate ?? ""
            input.team = team ?? ""
            input.subjects = subjects ?? []
            input.periodFrom = periodFrom ?? ""
            input.periodTo = periodTo ?? ""
            input.contents = contents ?? ""
            input.startsOn = startsOn ?? ""
            input.endsOn = endsOn ?? ""
            input.planItemID = planItemID.flatMap { Int($0) }
            input.conclusion = conclusion
            return input
        }

        static func lines(_ text: String?) -> [[String]] {
            (text ?? "").split(whereSeparator: \.isNewline).map { line in
                line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            }.filter { !$0.allSatisfy(\.isEmpty) }
        }
    }

    func record(req: Request) async throws -> Response {
        let form = (try? req.content.decode(InspectionForm.self)) ?? InspectionForm()
        let unit = try await UnitQueries.require(code: form.unitCode ?? "", field: "unitCode", on: req.db)
        try await req.authorize(.inspect, on: unit)
        do {
            let inspection = try await InspectionRecording.record(form.input, today: req.today, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.inspection(inspection.requireID).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderForm(req, unit: unit, form: form, errors: FormErrors(error), status: error.status)
        }
    }

    func show(req: Request) async throws -> Response {
        try await render(req, try await InspectionContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db))
    }

    private func render(_ req: Request, _ context: InspectionContext, form: InspectionForm? = nil, errors: FormErrors = .none,
                        status: HTTPStatus = .ok) async throws -> Response {
        let page = try await InspectionPage.query(context, actor: try req.actor, form: form, errors: errors, today: req.today, on: req.db)
        // An inspected unit's reader may not see the inspecting unit: the trail leads to their own unit.
        var home = context.unit
        if try await !Authorizer.allows(try req.requireUser(), .viewUnit, on: home, db: req.db) {
            for subject in context.subjects where try await Authorizer.allows(try req.requireUser(), .viewUnit, on: subject, db: req.db) {
                home = subject
                break
            }
        }
        return try await req.renderPage("inspection", title: context.inspection.title, page, status: status, crumbs: [
            .init(label: home.name, href: SiteRoute.unit(home.code).path),
            .init(label: "Kiểm tra, giám sát", href: SiteRoute.inspections.path + "?unit=\(home.code)"), .init(label: context.inspection.title, href: nil)])
    }

    func conclude(req: Request) async throws -> Response {
        let id = try req.routeID()
        let form = (try? req.content.decode(InspectionForm.self)) ?? InspectionForm()
        do {
            _ = try await InspectionRecording.conclude(id, form.conclusion, today: req.today, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.inspection(id).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await render(req, try await InspectionContext.visible(id, by: try req.requireUser(), on: req.db), form: form,
                                    errors: FormErrors(error), status: error.status)
        }
    }

    struct EvidenceForm: Content {
        let files: [File]?
    }

    func act(req: Request) async throws -> Response {
        let id = try req.routeID()
        let input = (try? req.content.decode(RequirementActing.Input.self)) ?? RequirementActing.Input()
        let uploads = ((try? req.content.decode(EvidenceForm.self))?.files ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
            .map { EvidenceUploads.Upload(name: $0.filename, data: Data(buffer: $0.data)) }
        let evidence = RequirementActing.Evidence(files: uploads, store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory))
        guard let requirement = try await InspectionRequirement.find(id, on: req.db) else { throw AppError.notFound("Không tìm thấy yêu cầu #\(id).") }
        do {
            _ = try await RequirementActing.perform(id, input, evidence: evidence, today: req.today, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.inspection(requirement.inspectionID).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await render(req, try await InspectionContext.visible(requirement.inspectionID, by: try req.requireUser(), on: req.db),
                                    errors: FormErrors(error), status: error.status)
        }
    }

    /// A report's evidence file, for whoever may see the inspection.
    func file(req: Request) async throws -> Response {
        struct Row: Decodable { let inspection_id: Int; let stored_name: String; let original_name: String }
        let row = try await UnitClosure.sqlDatabase(req.db).raw("""
            SELECT r.inspection_id, f.stored_name, f.original_name FROM requirement_files f
            JOIN inspection_requirements r ON r.id = f.requirement_id WHERE f.id = \(bind: try req.routeID())
            """).first(decoding: Row.self)
        guard let row else { throw AppError.notFound("Không tìm thấy tệp.") }
        _ = try await InspectionContext.visible(row.inspection_id, by: try req.requireUser(), on: req.db)
        return try EvidenceStore(dataDirectory: req.application.settings.dataDirectory).download(storedName: row.stored_name, originalName: row.original_name)
    }

    struct FromTaskForm: Content {
        var unitCode: String?
        var taskID: String?
    }

    func planFromTask(req: Request) async throws -> Response {
        let form = (try? req.content.decode(FromTaskForm.self)) ?? FromTaskForm()
        let unit = try await UnitQueries.require(code: form.unitCode ?? "", field: "unitCode", on: req.db)
        try await req.authorize(.inspect, on: unit)
        _ = try await InspectionPlanning.fromTask(Int(form.taskID ?? "") ?? 0, unitCode: unit.code, by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.inspections.path + "?unit=\(unit.code)")
    }

    func notice(_ req: Request, kind: DocumentDownload.Kind) async throws -> Response {
        let context = try await InspectionContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let data = kind == .docx ? try await ConclusionDocuments.docx(context, today: req.today, on: req.db)
            : try await ConclusionDocuments.xlsx(context, today: req.today, on: req.db)
        return DocumentDownload.response(data, kind: kind, name: "Thông báo kết luận \(context.inspection.title)")
    }
}

/// A finding's words on the page's line form: "ưu điểm", "hạn chế", "vi phạm" (or their keys).
enum FindingLine {
    static func type(_ text: String) -> String {
        let folded = VietnameseFolding.fold(text)
        if folded.hasPrefix("uu diem") { return FindingType.strength.rawValue }
        if folded.hasPrefix("han che") || folded.hasPrefix("khuyet diem") { return FindingType.shortcoming.rawValue }
        if folded.hasPrefix("vi pham") { return FindingType.violation.rawValue }
        return text
    }

    static func severity(_ text: String) -> String {
        let folded = VietnameseFolding.fold(text)
        return FindingSeverity.allCases.first { VietnameseFolding.fold($0.label) == folded }?.rawValue ?? text
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
