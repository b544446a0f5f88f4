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
        routes.post(SiteRoute.consultationNew.pathComponents, use: createConsultation)
        routes.post(SiteRoute.consultationPublish(SiteRoute.anyID).pathComponents, use: publishConsultation)
        routes.post(SiteRoute.boardNew.pathComponents, use: createBoard)
        routes.post(SiteRoute.recommendationNew.pathComponents, use: createRecommendation)
        routes.post(SiteRoute.recommendationAction(SiteRoute.anyID).pathComponents, use: actOnRecommendation)
    }

    func createRecommendation(req: Request) async throws -> Response {
        let input = (try? req.content.decode(RecommendationActing.NewInput.self)) ?? RecommendationActing.NewInput()
        let unit = try await UnitQueries.require(code: req.query[String.self, at: "unit"] ?? input.unitCode, field: "unit", on: req.db)
        do {
            let record = try await RecommendationActing.create(input, today: req.today, by: try req.actor, on: req.db)
            try await req.authorize(.viewUnit, on: unit)
            return try await render(req, unit: unit, notice: "Đã ghi kiến nghị, hạn trả lời \(record.due?.vietnamese ?? record.dueOn).")
        } catch let error as AppError where error.status == .unprocessableEntity {
            try await req.authorize(.publishToPeople, on: unit)
            return try await render(req, unit: unit, echo: .init(boardErrors: FormErrors(error)), status: error.status)
        }
    }

    struct StepForm: Content {
        var action: String?
        var text: String?
        var onDate: String?
        var version: String?
    }

    func actOnRecommendation(req: Request) async throws -> Response {
        let id = try req.routeID()
        guard let record = try await BoardRecommendation.find(id, on: req.db), let addressed = try await OrgUnit.find(record.unitID, on: req.db) else {
            throw AppError.notFound("Không tìm thấy kiến nghị #\(id).")
        }
        let form = (try? req.content.decode(StepForm.self)) ?? StepForm()
        let unit = try await req.query[String.self, at: "unit"].asyncMap { try await UnitQueries.require(code: $0, field: "unit", on: req.db) } ?? addressed
        try await req.authorize(.viewUnit, on: unit)
        do {
            let fresh = try await RecommendationActing.perform(id, action: form.action ?? "", text: form.text ?? "", onDate: form.onDate ?? "",
                                                               version: Int(form.version ?? "") ?? -1, today: req.today, by: try req.actor, on: req.db)
            return try await render(req, unit: unit, notice: "Kiến nghị: \(RecommendationLine.stateLabel(fresh.state).lowercased()).")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await render(req, unit: unit, echo: .init(boardErrors: FormErrors(error)), status: error.status)
        }
    }

    func createBoard(req: Request) async throws -> Response {
        let input = (try? req.content.decode(BoardRecording.Input.self)) ?? BoardRecording.Input()
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: req.db)
        try await req.authorize(.publishToPeople, on: unit)
        do {
            let board = try await BoardRecording.create(input, by: try req.actor, on: req.db)
            return try await render(req, unit: unit, notice: "Đã ghi \(board.kind.label) (\(board.decision)).")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, unit: unit, echo: .init(board: input, boardErrors: FormErrors(error)), status: error.status)
        }
    }

    func register(req: Request) async throws -> Response {
        try await render(req, unit: try await req.chosenUnit())
    }

    private func render(_ req: Request, unit: OrgUnit, echo: PublicationRegisterPage.Echo = .init(), notice: String? = nil,
                        status: HTTPStatus = .ok) async throws -> Response {
        let canManage = try await Authorizer.allows(try req.requireUser(), .publishToPeople, on: unit, db: req.db)
        let page = try await PublicationRegisterPage.query(unit: unit, canManage: canManage, today: req.today, echo: echo, notice: notice,
                                                           actor: try req.actor, on: req.db)
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
            return try await render(req, unit: unit, echo: .init(publication: input, errors: FormErrors(error)), status: error.status)
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
            return try await render(req, unit: unit, echo: .init(errors: FormErrors(error)), status: error.status)
        }
    }

    func createConsultation(req: Request) async throws -> Response {
        let input = (try? req.content.decode(ConsultationRecording.Input.self)) ?? ConsultationRecording.Input()
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: req.db)
        try await req.authorize(.publishToPeople, on: unit)
        do {
            let record = try await ConsultationRecording.create(input, today: req.today, by: try req.actor, on: req.db)
            return try await render(req, unit: unit, notice: "Đã ghi \(record.kind.label.lowercased()): \"\(record.subject)\".")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, unit: unit, echo: .init(consultation: input, consultationErrors: FormErrors(error)), status: error.status)
        }
    }

    func publishConsultation(req: Request) async throws -> Response {
        let id = try req.routeID()
        guard let record = try await Consultation.find(id, on: req.db), let unit = try await OrgUnit.find(record.unitID, on: req.db) else {
            throw AppError.notFound("Không tìm thấy việc lấy ý kiến #\(id).")
        }
        try await req.authorize(.publishToPeople, on: unit)
        let form = (try? req.content.decode(EndForm.self)) ?? EndForm()
        do {
            let published = try await ConsultationRecording.publish(id, onDate: form.onDate ?? "", version: Int(form.version ?? "") ?? -1, today: req.today,
                                                                    by: try req.actor, on: req.db)
            return try await render(req, unit: unit, notice: "Đã ghi ngày công khai kết quả \"\(published.subject)\".")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await render(req, unit: unit, echo: .init(consultationErrors: FormErrors(error)), status: error.status)
        }
    }
}
