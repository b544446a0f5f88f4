import DanVanCore
import Fluent
import Foundation
import Vapor

/// Citizens' pages: the overview, the case list, receiving a matter, a case and its steps, the
/// sealed identity (named handlers only, with a reason), the receipt, reception days, dialogues,
/// the rules, and the administrator's identity setting.
struct CitizenPagesController {
    let limits: UploadLimits

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.citizens.pathComponents, use: overview)
        routes.get(SiteRoute.citizenCases.pathComponents, use: list)
        routes.get(SiteRoute.citizenCaseNew.pathComponents, use: newCase)
        routes.post(SiteRoute.citizenCaseNew.pathComponents, use: receive)
        routes.get(SiteRoute.citizenCase(SiteRoute.anyID).pathComponents, use: show)
        routes.post(SiteRoute.citizenCaseAction(SiteRoute.anyID).pathComponents, use: act)
        routes.post(SiteRoute.citizenCaseIdentity(SiteRoute.anyID).pathComponents, use: identity)
        routes.post(SiteRoute.citizenCaseHandlers(SiteRoute.anyID).pathComponents, use: handlers)
        routes.get(SiteRoute.citizenCaseReceipt(SiteRoute.anyID).pathComponents, use: receipt)
        routes.get(SiteRoute.citizenCaseRedacted(SiteRoute.anyID).pathComponents, use: redactedCopy)
        routes.upload(.POST, SiteRoute.citizenCaseScans(SiteRoute.anyID).pathComponents, limit: limits.evidencePostBytes, use: attachScans)
        routes.post(SiteRoute.citizenCaseScanOpen(SiteRoute.anyID).pathComponents, use: openScan)
        ReceptionPagesController().register(routes)
        TrackingPageController().register(routes)
    }

    func overview(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        let years = try await YearChoice.years(for: unit, today: req.today, on: req.db)
        let year = YearChoice.requested(req.query[String.self, at: "year"], within: years, today: req.today)
        let canHandle = try await Authorizer.allows(try req.requireUser(), .handleCitizens, on: unit, db: req.db)
        let page = try await CitizensOverviewPage.query(unit: unit, year: year, years: years, canHandle: canHandle, today: req.today, on: req.db)
        return try await req.renderPage("citizens", title: "Tiếp dân, đơn thư · \(unit.name)", page,
                                        crumbs: [.init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Tiếp dân, đơn thư", href: nil)])
    }

    func list(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        let status = req.query[String.self, at: "status"].flatMap(CaseStatus.init(rawValue:))
        let kind = req.query[String.self, at: "kind"].flatMap(CaseKind.init(rawValue:))
        let search = String((req.query[String.self, at: "q"] ?? "").prefix(100)).trimmingCharacters(in: .whitespaces)
        let overdue = req.query[String.self, at: "overdue"] == "1"
        let year = req.query[Int.self, at: "year"]
        let offset = max(0, req.query[Int.self, at: "from"] ?? 0)
        let filter = CaseQueries.Filter(status: status, kind: kind, overdueOnly: overdue, search: search.isEmpty ? nil : search, year: year)
        let rows = try await CaseQueries.list(under: unit.requireID, filter: filter, today: req.today, limit: 101, offset: offset, on: req.db)
        var keep = "unit=\(unit.code)&overdue=\(overdue ? "1" : "")&status=\(status?.rawValue ?? "")&kind=\(kind?.rawValue ?? "")"
        keep += "&q=\(search.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")" + (year.map { "&year=\($0)" } ?? "")
        let page = CaseListPage(unitName: unit.name, unitCode: unit.code, items: rows.prefix(100).map { CaseListPage.Item($0, today: req.today) },
                                kinds: CaseKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == kind) },
                                statuses: CaseStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == status) },
                                search: search, overdueOnly: overdue, action: SiteRoute.citizenCases.path,
                                backHref: SiteRoute.citizens.path + "?unit=\(unit.code)",
                                more: rows.count > 100 ? SiteRoute.citizenCases.path + "?" + keep + "&from=\(offset + 100)" : nil)
        return try await req.renderPage("citizen-cases", title: "Vụ việc · \(unit.name)", page, crumbs: [
            .init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Tiếp dân, đơn thư", href: SiteRoute.citizens.path + "?unit=\(unit.code)"),
            .init(label: overdue ? "Quá hạn" : "Vụ việc", href: nil)])
    }

    func newCase(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.handleCitizens, on: unit)
        var values = CaseReceiving.Input()
        values.receivedOn = req.today.description
        values.kind = CaseKind.recommendation.rawValue
        let page = CaseFormPage.make(unit: unit, values: values, mode: try await IdentityMode.current(on: req.db), today: req.today)
        return try await req.renderPage("citizen-case-form", title: "Tiếp nhận đơn thư", page)
    }

    func receive(req: Request) async throws -> Response {
        let input = try req.content.decode(CaseReceiving.Input.self)
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: req.db)
        do {
            let record = try await CaseReceiving.receive(input, today: req.today, key: req.application.settings.identityKey, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.citizenCaseReceipt(record.requireID).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            try await req.authorize(.handleCitizens, on: unit)
            var kept = input
            // A refused form never echoes a denouncer's identity back into the page.
            (kept.identityName, kept.identityAddress, kept.identityContact, kept.identityNote) = ("", "", "", "")
            if CaseKind(parsing: kept.kind) == .denunciation { (kept.citizenName, kept.citizenAddress, kept.citizenContact) = ("", "", "") }
            let page = CaseFormPage.make(unit: unit, values: kept, mode: try await IdentityMode.current(on: req.db), today: req.today, errors: FormErrors(error))
            return try await req.renderPage("citizen-case-form", title: "Tiếp nhận đơn thư", page, status: error.status)
        }
    }

    func show(req: Request) async throws -> Response {
        let context = try await CaseContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return try await render(req, context)
    }

    private func render(_ req: Request, _ context: CaseContext, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await CasePage.query(context, actor: try req.actor, today: req.today, keyConfigured: req.application.settings.identityKey != nil,
                                            errors: errors, on: req.db)
        return try await req.renderPage("citizen-case", title: page.heading, page, status: status, crumbs: [
            .init(label: context.unit.name, href: SiteRoute.unit(context.unit.code).path),
            .init(label: "Tiếp dân, đơn thư", href: SiteRoute.citizens.path + "?unit=\(context.unit.code)"), .init(label: page.trackingCode, href: nil)])
    }

    func act(req: Request) async throws -> Response {
        let id = try req.routeID()
        let input = try req.content.decode(CaseActing.Input.self)
        do {
            _ = try await CaseActing.perform(id, input, today: req.today, key: req.application.settings.identityKey, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.citizenCase(id).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let context = try await CaseContext.visible(id, by: try req.requireUser(), on: req.db)
            return try await render(req, context, errors: FormErrors(error), status: error.status)
        }
    }

    struct ReasonForm: Content {
        var reason: String?
    }

    func identity(req: Request) async throws -> Response {
        let id = try req.routeID()
        let reason = (try? req.content.decode(ReasonForm.self))?.reason ?? ""
        do {
            let identity = try await IdentityReading.read(id, reason: reason, key: req.application.settings.identityKey, by: try req.actor, on: req.db)
            let context = try await CaseContext.load(id, on: req.db)
            let response = try await req.renderPage("citizen-identity", title: "Danh tính người tố cáo", IdentityPage(
                trackingCode: context.record.trackingCode, name: identity.name, address: identity.address, contact: identity.contact, note: identity.note,
                backHref: SiteRoute.citizenCase(id).path))
            response.headers.cacheControl = .init(noStore: true)
            return response
        } catch let error as AppError where [.unprocessableEntity].contains(error.status) {
            let context = try await CaseContext.visible(id, by: try req.requireUser(), on: req.db)
            return try await render(req, context, errors: FormErrors(error), status: error.status)
        }
    }

    struct IdentityPage: Encodable {
        let trackingCode: String
        let name: String
        let address: String
        let contact: String
        let note: String
        let backHref: String
    }

    struct HandlersForm: Content {
        var handlers: [String]?
    }

    func handlers(req: Request) async throws -> Response {
        let id = try req.routeID()
        let names = (try? req.content.decode(HandlersForm.self))?.handlers ?? []
        do {
            _ = try await HandlerNaming.perform(id, usernames: names, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.citizenCase(id).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            let context = try await CaseContext.visible(id, by: try req.requireUser(), on: req.db)
            return try await render(req, context, errors: FormErrors(error), status: error.status)
        }
    }

    struct ReceiptPage: Encodable {
        let unitName: String
        let trackingCode: String
        let kind: String
        let received: String
        let subject: String?
        let due: String?
        let trackHref: String
        let caseHref: String
    }

    func receipt(req: Request) async throws -> Response {
        let context = try await CaseContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let record = context.record
        let page = ReceiptPage(unitName: context.unit.name, trackingCode: record.trackingCode, kind: record.kind.label,
                               received: record.received?.vietnamese ?? record.receivedOn,
                               subject: record.kind == .denunciation ? nil : record.subject, due: record.due?.vietnamese,
                               trackHref: SiteRoute.track.path, caseHref: SiteRoute.citizenCase(record.requireID).path)
        return try await req.renderPage("citizen-receipt", title: "Phiếu tiếp nhận \(record.trackingCode)", page)
    }

    /// The copy handed to a verifier: the case's text without its sender.
    func redactedCopy(req: Request) async throws -> Response {
        let context = try await CaseContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let data = try await RedactedCopyDocuments.docx(context, on: req.db)
        return DocumentDownload.response(data, kind: .docx, name: "Bản sao nội dung đơn \(context.record.trackingCode)")
    }

    struct ScansForm: Content {
        var scans: [File]?
    }

    func attachScans(req: Request) async throws -> Response {
        let id = try req.routeID()
        let files = ((try? req.content.decode(ScansForm.self))?.scans ?? []).filter { !$0.filename.isEmpty || $0.data.readableBytes > 0 }
            .map { CaseScans.Upload(name: $0.filename, data: Data(buffer: $0.data)) }
        do {
            _ = try await CaseScans.attach(id, files: files, key: req.application.settings.identityKey, today: req.today, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.citizenCase(id).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            let context = try await CaseContext.visible(id, by: try req.requireUser(), on: req.db)
            return try await render(req, context, errors: FormErrors(error), status: error.status)
        }
    }

    struct ScanOpenForm: Content {
        var scan: String?
        var reason: String?
    }

    func openScan(req: Request) async throws -> Response {
        let id = try req.routeID()
        let form = try? req.content.decode(ScanOpenForm.self)
        do {
            let scan = try await CaseScans.open(id, scanID: Int(form?.scan ?? "") ?? 0, reason: form?.reason ?? "", key: req.application.settings.identityKey,
                                                by: try req.actor, on: req.db)
            return scan.response(caseID: id, scanID: Int(form?.scan ?? "") ?? 0)
        } catch let error as AppError where error.status == .unprocessableEntity {
            let context = try await CaseContext.visible(id, by: try req.requireUser(), on: req.db)
            return try await render(req, context, errors: FormErrors(error), status: error.status)
        }
    }
}

extension CaseScans.Opened {
    func response(caseID: Int, scanID: Int) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: mediaType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"ban-chup-don-\(caseID)-\(scanID).\(fileExtension)\"")
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}
