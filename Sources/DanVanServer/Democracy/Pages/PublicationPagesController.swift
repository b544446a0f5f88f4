import DanVanCore
import Fluent
import Foundation
import Vapor

/// "Công khai": a unit's publication register, recording a publication, ending one early.
struct PublicationPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.publications.pathComponents, use: register)
        routes.post(SiteRoute.publicationNew.pathComponents, use: create)
        routes.post(SiteRoute.publicationEnd(SiteRoute.anyID).pathComponents, use: end)
    }

    func register(req: Request) async throws -> Response {
        try await render(req, unit: try await req.chosenUnit())
    }

    private func render(_ req: Request, unit: OrgUnit, values: PublicationRecording.Input? = nil, notice: String? = nil,
                        errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let canManage = try await Authorizer.allows(try req.requireUser(), .publishToPeople, on: unit, db: req.db)
        let page = try await PublicationRegisterPage.query(unit: unit, canManage: canManage, today: req.today, values: values, notice: notice,
                                                           errors: errors, on: req.db)
        return try await req.renderPage("publications", title: "Công khai · \(unit.name)", page, status: status,
                                        crumbs: [.init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Công khai", href: nil)])
    }

    struct Form: Content {
        var unitCode: String?
        var ruleCode: String?
        var period: String?
        var title: String?
        var docNumber: String?
        var docDate: String?
        var forms: [String]?
        var startsOn: String?
        var endsOn: String?
        var loudspeakerDays: String?
        var proofLink: String?
        var responsible: String?

        var input: PublicationRecording.Input {
            var input = PublicationRecording.Input()
            input.unitCode = unitCode ?? ""
            input.ruleCode = ruleCode ?? ""
            input.period = period ?? ""
            input.title = title ?? ""
            input.docNumber = docNumber ?? ""
            input.docDate = docDate ?? ""
            input.forms = forms ?? []
            input.startsOn = startsOn ?? ""
            input.endsOn = endsOn ?? ""
            input.loudspeakerDays = loudspeakerDays ?? ""
            input.proofLink = proofLink ?? ""
            input.responsible = responsible ?? ""
            return input
        }
    }

    func create(req: Request) async throws -> Response {
        let input = ((try? req.content.decode(Form.self)) ?? Form()).input
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: req.db)
        try await req.authorize(.publishToPeople, on: unit)
        do {
            let publication = try await PublicationRecording.create(input, by: try req.actor, on: req.db)
            return try await render(req, unit: unit, notice: "Đã ghi việc công khai \"\(publication.title)\".")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, unit: unit, values: input, errors: FormErrors(error), status: error.status)
        }
    }

    struct EndForm: Content {
        var onDate: String?
        var version: String?
    }

    func end(req: Request) async throws -> Response {
        let id = try req.routeID()
        guard let publication = try await Publication.find(id, on: req.db), let unit = try await OrgUnit.find(publication.unitID, on: req.db) else {
            throw AppError.notFound("Không tìm thấy việc công khai #\(id).")
        }
        try await req.authorize(.publishToPeople, on: unit)
        let form = (try? req.content.decode(EndForm.self)) ?? EndForm()
        do {
            let ended = try await PublicationRecording.end(id, onDate: form.onDate ?? "", version: Int(form.version ?? "") ?? -1, today: req.today,
                                                           by: try req.actor, on: req.db)
            return try await render(req, unit: unit, notice: "Đã kết thúc công khai \"\(ended.title)\" ngày \(ended.ends?.vietnamese ?? "").")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await render(req, unit: unit, errors: FormErrors(error), status: error.status)
        }
    }
}
