import DanVanCore
import Fluent
import Foundation
import Vapor

/// Reception days and dialogue conferences: their forms, a dialogue with its follow-up cases,
/// publishing a dialogue's results, the rules page and the administrator's identity setting.
struct ReceptionPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.receptionNew.pathComponents, use: receptionForm)
        routes.post(SiteRoute.receptionNew.pathComponents, use: recordReception)
        routes.get(SiteRoute.dialogueNew.pathComponents, use: dialogueForm)
        routes.post(SiteRoute.dialogueNew.pathComponents, use: recordDialogue)
        routes.get(SiteRoute.dialogue(SiteRoute.anyID).pathComponents, use: dialogue)
        routes.post(SiteRoute.dialoguePublish(SiteRoute.anyID).pathComponents, use: publish)
        routes.get(SiteRoute.citizenRules.pathComponents, use: rules)
        routes.get(SiteRoute.identitySettings.pathComponents, use: identitySettings)
        routes.post(SiteRoute.identitySettings.pathComponents, use: saveIdentitySettings)
        routes.get(SiteRoute.citizensReportXlsx.pathComponents) { try await report($0, kind: .xlsx) }
        routes.get(SiteRoute.citizensReportDocx.pathComponents) { try await report($0, kind: .docx) }
    }

    // MARK: Reception days

    /// The reception form as posted: the session's fields and parallel lists for the matters raised.
    struct ReceptionForm: Content {
        var unitCode: String?
        var position: String?
        var hostName: String?
        var deputyName: String?
        var extraordinary: String?
        var heldOn: String?
        var place: String?
        var citizens: String?
        var groups: String?
        var note: String?
        var matterKind: [String]?
        var matterSubject: [String]?
        var matterName: [String]?

        var input: ReceptionRecording.Input {
            var input = ReceptionRecording.Input()
            input.unitCode = unitCode ?? ""; input.position = position ?? ""; input.hostName = hostName ?? ""; input.deputyName = deputyName ?? ""
            input.extraordinary = extraordinary == "on"; input.heldOn = heldOn ?? ""; input.place = place ?? ""; input.citizens = citizens ?? ""
            input.groups = groups ?? ""; input.note = note ?? ""
            let subjects = matterSubject ?? []
            input.matters = subjects.indices.compactMap { index in
                let subject = subjects[index]
                let kind = (matterKind ?? []).indices.contains(index) ? (matterKind ?? [])[index] : ""
                guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
                var matter = CaseReceiving.Input()
                matter.kind = kind
                matter.subject = subject
                matter.citizenName = (matterName ?? []).indices.contains(index) ? (matterName ?? [])[index] : ""
                return matter
            }
            return input
        }
    }

    struct ReceptionFormPage: Encodable {
        let unitCode: String
        let unitName: String
        let values: ReceptionForm
        let positions: [SelectOption]
        let kinds: [SelectOption]
        let matterRows: [Int]
        let action: String
        let cancelHref: String
        let errors: FormErrors
    }

    private func receptionPage(_ unit: OrgUnit, _ values: ReceptionForm, errors: FormErrors = .none) -> ReceptionFormPage {
        ReceptionFormPage(unitCode: unit.code, unitName: unit.name, values: values,
                          positions: LeaderPosition.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.position) },
                          kinds: CaseKind.allCases.filter { $0 != .denunciation }.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
                          matterRows: [0, 1, 2], action: SiteRoute.receptionNew.path, cancelHref: SiteRoute.citizens.path + "?unit=\(unit.code)", errors: errors)
    }

    func receptionForm(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.handleCitizens, on: unit)
        var values = ReceptionForm()
        values.heldOn = req.today.description
        values.unitCode = unit.code
        return try await req.renderPage("reception-form", title: "Ghi buổi tiếp công dân", receptionPage(unit, values))
    }

    func recordReception(req: Request) async throws -> Response {
        let form = try req.content.decode(ReceptionForm.self)
        let unit = try await UnitQueries.require(code: form.unitCode ?? "", field: "unitCode", on: req.db)
        do {
            _ = try await ReceptionRecording.record(form.input, today: req.today, key: req.application.settings.identityKey, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.citizens.path + "?unit=\(unit.code)")
        } catch let error as AppError where error.status == .unprocessableEntity {
            try await req.authorize(.handleCitizens, on: unit)
            return try await req.renderPage("reception-form", title: "Ghi buổi tiếp công dân", receptionPage(unit, form, errors: FormErrors(error)), status: error.status)
        }
    }

    // MARK: Dialogues

    struct DialogueForm: Content {
        var unitCode: String?
        var coChairs: String?
        var topic: String?
        var form: String?
        var scope: String?
        var noticeOn: String?
        var channels: String?
        var extraordinaryReason: String?
        var heldOn: String?
        var attendance: String?
        var conclusions: String?
        var publishedOn: String?
        var questionAsker: [String]?
        var questionCategory: [String]?
        var questionText: [String]?
        var questionAnswered: [String]?
        var questionAnsweredBy: [String]?

        var input: DialogueRecording.Input {
            var input = DialogueRecording.Input()
            input.unitCode = unitCode ?? ""; input.coChairs = coChairs ?? ""; input.topic = topic ?? ""; input.form = form ?? ""
            input.scope = scope ?? ""; input.noticeOn = noticeOn ?? ""; input.channels = channels ?? ""
            input.extraordinaryReason = extraordinaryReason ?? ""; input.heldOn = heldOn ?? ""; input.attendance = attendance ?? ""
            input.conclusions = conclusions ?? ""; input.publishedOn = publishedOn ?? ""
            func at(_ list: [String]?, _ index: Int) -> String { (list ?? []).indices.contains(index) ? (list ?? [])[index] : "" }
            input.questions = (questionText ?? []).indices.map { index in
                var question = DialogueRecording.Question()
                question.asker = at(questionAsker, index)
                question.category = at(questionCategory, index)
                question.question = at(questionText, index)
                question.answeredOnSpot = at(questionAnswered, index) == "yes"
                question.answeredBy = at(questionAnsweredBy, index)
                return question
            }
            return input
        }
    }

    struct DialogueFormPage: Encodable {
        let unitCode: String
        let unitName: String
        let values: DialogueForm
        let forms: [SelectOption]
        let questionRows: [Int]
        let action: String
        let cancelHref: String
        let errors: FormErrors
    }

    private func dialoguePage(_ unit: OrgUnit, _ values: DialogueForm, errors: FormErrors = .none) -> DialogueFormPage {
        DialogueFormPage(unitCode: unit.code, unitName: unit.name, values: values,
                         forms: DialogueRecording.forms.map { SelectOption(value: $0, label: $0, selected: $0 == values.form) },
                         questionRows: Array(0..<12), action: SiteRoute.dialogueNew.path, cancelHref: SiteRoute.citizens.path + "?unit=\(unit.code)",
                         errors: errors)
    }

    func dialogueForm(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.handleCitizens, on: unit)
        var values = DialogueForm()
        values.unitCode = unit.code
        values.heldOn = req.today.description
        return try await req.renderPage("dialogue-form", title: "Ghi hội nghị đối thoại", dialoguePage(unit, values))
    }

    func recordDialogue(req: Request) async throws -> Response {
        let form = try req.content.decode(DialogueForm.self)
        let unit = try await UnitQueries.require(code: form.unitCode ?? "", field: "unitCode", on: req.db)
        do {
            let dialogue = try await DialogueRecording.record(form.input, today: req.today, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.dialogue(dialogue.requireID).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            try await req.authorize(.handleCitizens, on: unit)
            return try await req.renderPage("dialogue-form", title: "Ghi hội nghị đối thoại", dialoguePage(unit, form, errors: FormErrors(error)), status: error.status)
        }
    }

    func dialogue(req: Request) async throws -> Response {
        let page = try await DialoguePage.query(try req.routeID(), actor: try req.actor, today: req.today, on: req.db)
        return try await req.renderPage("dialogue", title: page.topic, page, crumbs: [
            .init(label: page.unitName, href: SiteRoute.unit(page.unitCode).path),
            .init(label: "Tiếp dân, đơn thư", href: SiteRoute.citizens.path + "?unit=\(page.unitCode)"), .init(label: "Hội nghị đối thoại", href: nil)])
    }

    struct PublishForm: Content {
        var publishedOn: String?
        var version: String?
    }

    func publish(req: Request) async throws -> Response {
        let id = try req.routeID()
        let form = try req.content.decode(PublishForm.self)
        do {
            _ = try await DialogueRecording.publish(id, on: form.publishedOn ?? "", version: Int(form.version ?? "") ?? -1, today: req.today,
                                                    by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.dialogue(id).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let page = try await DialoguePage.query(id, actor: try req.actor, today: req.today, errors: FormErrors(error), on: req.db)
            return try await req.renderPage("dialogue", title: page.topic, page, status: error.status)
        }
    }

    // MARK: Rules and the identity setting

    func rules(req: Request) async throws -> Response {
        _ = try req.requireUser()
        let page = try await CitizenRulesPage.query(today: req.today, on: req.db)
        return try await req.renderPage("citizen-rules", title: "Quy tắc thời hạn, lịch làm việc", page)
    }

    struct IdentitySettingsPage: Encodable {
        let sealed: Bool
        let decision: String
        let keyConfigured: Bool
        let keyID: String?
        let action: String
        let errors: FormErrors
    }

    func identitySettings(req: Request) async throws -> Response {
        try req.requireAdmin()
        return try await renderIdentitySettings(req)
    }

    private func renderIdentitySettings(_ req: Request, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let mode = try await IdentityMode.current(on: req.db)
        let decision: String = if case .sealed(let text) = mode { text } else { "" }
        let key = req.application.settings.identityKey
        let page = IdentitySettingsPage(sealed: mode.sealsIdentities, decision: decision, keyConfigured: key != nil, keyID: key?.id,
                                        action: SiteRoute.identitySettings.path, errors: errors)
        return try await req.renderPage("identity-settings", title: "Danh tính người tố cáo", page, status: status)
    }

    struct IdentitySettingsForm: Content {
        var mode: String?
        var decision: String?
    }

    func saveIdentitySettings(req: Request) async throws -> Response {
        try req.requireAdmin()
        let form = try req.content.decode(IdentitySettingsForm.self)
        do {
            _ = try await IdentityMode.set(sealed: form.mode == "sealed", decision: form.decision ?? "", key: req.application.settings.identityKey,
                                           by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.identitySettings.path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderIdentitySettings(req, errors: FormErrors(error), status: error.status)
        }
    }

    func report(_ req: Request, kind: DocumentDownload.Kind) async throws -> Response {
        let unit = try await req.chosenUnit()
        let period = CitizenReportPeriod(parsing: req.query[String.self, at: "period"] ?? "", year: req.query[Int.self, at: "year"] ?? req.today.year)
        let report = try await CitizenReport.query(unit: unit, period: period, today: req.today, on: req.db)
        let data = kind == .docx ? try await CitizenReportDocuments.docx(report, on: req.db) : try await CitizenReportDocuments.xlsx(report, on: req.db)
        return DocumentDownload.response(data, kind: kind, name: "Báo cáo tiếp công dân \(period.label) \(unit.code)")
    }
}
