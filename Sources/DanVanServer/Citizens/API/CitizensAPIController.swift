import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/cases, /api/deadline-rules, /api/calendar-days, /api/deadline, /api/reception-sessions,
/// /api/reception-duties, /api/dialogues, /api/citizens/timeliness and the administrator's
/// /api/admin/identity-mode. A sealed identity only through POST /api/cases/{id}/identity with a
/// reason, a sealed scan of a letter only through POST /api/cases/{id}/scans/open with a reason.
struct CitizensAPIController {
    let limits: UploadLimits

    func register(_ api: any RoutesBuilder) {
        api.get("cases", use: list)
        api.post("cases", use: receive)
        api.upload(.POST, ["cases", "import"], limit: limits.singleFileBytes, use: importFile)
        api.get("cases", ":id", use: show)
        api.post("cases", ":id", "actions", use: act)
        api.post("cases", ":id", "identity", use: identity)
        api.put("cases", ":id", "handlers", use: handlers)
        api.get("cases", ":id", "redacted.docx", use: redactedCopy)
        api.get("cases", ":id", "scans", use: scans)
        api.upload(.POST, ["cases", ":id", "scans"], limit: limits.evidencePostBytes, use: attachScans)
        api.post("cases", ":id", "scans", "open", use: openScan)
        api.get("deadline-rules", use: rules)
        api.post("deadline-rules", use: addRule)
        api.get("deadline", use: due)
        api.get("calendar-days", use: days)
        api.post("calendar-days", use: setDay)
        api.get("reception-sessions", use: sessions)
        api.post("reception-sessions", use: recordSession)
        api.get("reception-duties", use: duties)
        api.get("dialogues", use: dialogues)
        api.post("dialogues", use: recordDialogue)
        api.post("dialogues", ":id", "publish", use: publishDialogue)
        api.get("citizens", "timeliness", use: timeliness)
        api.put("admin", "identity-mode", use: identityMode)
    }

    func list(req: Request) async throws -> [CitizenJSON.Listing] {
        let unit = try await req.chosenUnit()
        let filter = CaseQueries.Filter(status: req.nonEmptyQuery("status").flatMap(CaseStatus.init(rawValue:)),
                                        kind: req.nonEmptyQuery("kind").flatMap(CaseKind.init(rawValue:)), overdueOnly: req.query[String.self, at: "overdue"] == "1",
                                        search: req.nonEmptyQuery("q"), year: req.query[Int.self, at: "year"])
        let rows = try await CaseQueries.list(under: unit.requireID, filter: filter, today: req.today, limit: req.query[Int.self, at: "limit"] ?? 200,
                                              offset: req.query[Int.self, at: "offset"] ?? 0, on: req.db)
        return rows.map { CitizenJSON.listing($0, today: req.today) }
    }

    private func detail(_ id: Int, _ req: Request) async throws -> CitizenJSON.Detail {
        let context = try await CaseContext.visible(id, by: try req.requireUser(), on: req.db)
        let events = try await CaseEvent.query(on: req.db).filter(\.$caseID == id).sort(\.$onDate).sort(\.$id).all()
        return CitizenJSON.detail(context, events: events, today: req.today)
    }

    func receive(req: Request) async throws -> Response {
        let input = try req.content.decode(CaseReceiving.Input.self)
        let record = try await CaseReceiving.receive(input, today: req.today, key: req.application.settings.identityKey, by: try req.actor, on: req.db)
        return try await detail(record.requireID, req).encodeResponse(status: .created, for: req)
    }

    struct ImportResult: Content {
        let imported: Int
    }

    func importFile(req: Request) async throws -> Response {
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let count = try await CasesImport.perform(data, filename: req.query[String.self, at: "filename"] ?? "", unitCode: req.query[String.self, at: "unit"] ?? "",
                                                  today: req.today, key: req.application.settings.identityKey, by: try req.actor, on: req.db)
        return try await ImportResult(imported: count).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> CitizenJSON.Detail {
        try await detail(try req.routeID(), req)
    }

    func act(req: Request) async throws -> CitizenJSON.Detail {
        let id = try req.routeID()
        _ = try await CaseContext.visible(id, by: try req.requireUser(), on: req.db)
        _ = try await CaseActing.perform(id, try req.content.decode(CaseActing.Input.self), today: req.today, key: req.application.settings.identityKey,
                                         by: try req.actor, on: req.db)
        return try await detail(id, req)
    }

    struct ReasonBody: Content {
        var reason: String?
    }

    func identity(req: Request) async throws -> Response {
        let id = try req.routeID()
        let reason = (try? req.content.decode(ReasonBody.self))?.reason ?? ""
        let identity = try await IdentityReading.read(id, reason: reason, key: req.application.settings.identityKey, by: try req.actor, on: req.db)
        let response = try await CitizenJSON.Identity(caseID: id, name: identity.name, address: identity.address, contact: identity.contact,
                                                      note: identity.note).encodeResponse(for: req)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    func redactedCopy(req: Request) async throws -> Response {
        let context = try await CaseContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return DocumentDownload.response(try await RedactedCopyDocuments.docx(context, on: req.db), kind: .docx,
                                         name: "Bản sao nội dung đơn \(context.record.trackingCode)")
    }

    func scans(req: Request) async throws -> [CitizenJSON.Scan] {
        let context = try await CaseContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return try await CaseScans.list(context.record.requireID, on: req.db).map {
            CitizenJSON.Scan(id: $0.id, mediaType: $0.media_type, bytes: $0.byte_size, createdBy: $0.created_by, createdAt: $0.created_at)
        }
    }

    func attachScans(req: Request) async throws -> Response {
        let id = try req.routeID()
        let files = ((try? req.content.decode(CitizenPagesController.ScansForm.self))?.scans ?? [])
            .map { CaseScans.Upload(name: $0.filename, data: Data(buffer: $0.data)) }
        let count = try await CaseScans.attach(id, files: files, key: req.application.settings.identityKey, today: req.today, by: try req.actor, on: req.db)
        return try await CitizenJSON.Attached(caseID: id, attached: count).encodeResponse(status: .created, for: req)
    }

    struct ScanOpenBody: Content {
        var scan: Int?
        var reason: String?
    }

    func openScan(req: Request) async throws -> Response {
        let id = try req.routeID()
        let body = try? req.content.decode(ScanOpenBody.self)
        let scanID = body?.scan ?? 0
        let scan = try await CaseScans.open(id, scanID: scanID, reason: body?.reason ?? "", key: req.application.settings.identityKey, by: try req.actor, on: req.db)
        return scan.response(caseID: id, scanID: scanID)
    }

    struct HandlersBody: Content {
        var handlers: [String]?
    }

    func handlers(req: Request) async throws -> HTTPStatus {
        let body = try? req.content.decode(HandlersBody.self)
        _ = try await HandlerNaming.perform(try req.routeID(), usernames: body?.handlers ?? [], by: try req.actor, on: req.db)
        return .noContent
    }

    func rules(req: Request) async throws -> [CitizenJSON.Rule] {
        _ = try req.requireUser()
        let all = try await CitizenRules.deadlineRules(on: req.db)
        let rules = req.query[String.self, at: "all"] == "1" ? all : all.filter { $0.isInForce(on: req.today) }
        return rules.map(CitizenJSON.rule)
    }

    func addRule(req: Request) async throws -> Response {
        try req.requireAdmin()
        let rule = try await DeadlineLookup.add(try req.content.decode(DeadlineLookup.RuleInput.self), by: try req.actor, on: req.db)
        return try await CitizenJSON.rule(rule).encodeResponse(status: .created, for: req)
    }

    func due(req: Request) async throws -> CitizenJSON.Due {
        _ = try req.requireUser()
        let complexity: CaseComplexity = req.query[String.self, at: "veryComplex"] == "1" ? .veryComplex : (req.query[String.self, at: "complex"] == "1" ? .complex : .ordinary)
        return try await DeadlineLookup.due(ruleKey: req.query[String.self, at: "rule"] ?? "", from: req.query[String.self, at: "from"] ?? "",
                                            circumstances: .init(complexity: complexity, remote: req.query[String.self, at: "remote"] == "1"), on: req.db)
    }

    struct Day: Content {
        let date: String
        let kind: String
        let name: String
        let citation: String

        init(_ day: WorkCalendar.Day) {
            (date, kind, name, citation) = (day.date.description, day.kind.rawValue, day.name, day.citation)
        }
    }

    func days(req: Request) async throws -> [Day] {
        _ = try req.requireUser()
        return try await CitizenRules.days(on: req.db).map(Day.init)
    }

    struct DayBody: Content {
        var date: String?
        var kind: String?
        var name: String?
        var citation: String?
    }

    func setDay(req: Request) async throws -> Response {
        try req.requireAdmin()
        let body = try req.content.decode(DayBody.self)
        let day = try await DeadlineLookup.setDay(date: body.date ?? "", kind: body.kind ?? "", name: body.name ?? "", citation: body.citation ?? "",
                                                  by: try req.actor, on: req.db)
        return try await Day(day).encodeResponse(status: .created, for: req)
    }

    func sessions(req: Request) async throws -> [CitizenJSON.Session] {
        let unit = try await req.chosenUnit()
        let year = req.query[Int.self, at: "year"] ?? req.today.year
        let rows = try await ReceptionSession.query(on: req.db).filter(\.$unitID == unit.requireID)
            .filter(\.$heldOn >= "\(year)-01-01").filter(\.$heldOn <= "\(year)-12-31").sort(\.$heldOn).all()
        return rows.map { CitizenJSON.Session(id: $0.requireID, unitCode: unit.code, position: $0.positionRaw, hostName: $0.hostName, deputyName: $0.deputyName,
                                              extraordinary: $0.extraordinary, heldOn: $0.heldOn, place: $0.place, citizens: $0.citizens, groups: $0.groups) }
    }

    func recordSession(req: Request) async throws -> Response {
        let session = try await ReceptionRecording.record(try req.content.decode(ReceptionRecording.Input.self), today: req.today,
                                                          key: req.application.settings.identityKey, by: try req.actor, on: req.db)
        let unit = try await OrgUnit.find(session.unitID, on: req.db)
        return try await CitizenJSON.Session(id: session.requireID, unitCode: unit?.code ?? "", position: session.positionRaw, hostName: session.hostName,
                                             deputyName: session.deputyName, extraordinary: session.extraordinary, heldOn: session.heldOn, place: session.place,
                                             citizens: session.citizens, groups: session.groups).encodeResponse(status: .created, for: req)
    }

    func duties(req: Request) async throws -> [ReceptionQueries.DutyRow] {
        let unit = try await req.chosenUnit()
        let children = try await UnitQueries.children(of: unit.requireID, on: req.db).sortedForDisplay()
        return try await ReceptionQueries.duties(for: [unit] + children, year: req.query[Int.self, at: "year"] ?? req.today.year, today: req.today, on: req.db)
    }

    func dialogues(req: Request) async throws -> [ReceptionQueries.DialogueRow] {
        let unit = try await req.chosenUnit()
        return try await ReceptionQueries.dialogues(under: unit.requireID, year: req.query[Int.self, at: "year"] ?? req.today.year, today: req.today, on: req.db)
    }

    struct Created: Content {
        let id: Int
        let cases: [Int]
    }

    func recordDialogue(req: Request) async throws -> Response {
        let dialogue = try await DialogueRecording.record(try req.content.decode(DialogueRecording.Input.self), today: req.today, by: try req.actor, on: req.db)
        let cases = try await DialogueQuestion.query(on: req.db).filter(\.$dialogueID == dialogue.requireID).sort(\.$position).all().compactMap(\.caseID)
        return try await Created(id: dialogue.requireID, cases: cases).encodeResponse(status: .created, for: req)
    }

    struct PublishBody: Content {
        var publishedOn: String?
        var version: Int?
    }

    func publishDialogue(req: Request) async throws -> HTTPStatus {
        let body = try req.content.decode(PublishBody.self)
        _ = try await DialogueRecording.publish(try req.routeID(), on: body.publishedOn ?? "", version: body.version ?? -1, today: req.today,
                                                by: try req.actor, on: req.db)
        return .noContent
    }

    func timeliness(req: Request) async throws -> [CitizenJSON.Timeliness] {
        let unit = try await req.chosenUnit()
        let children = try await UnitQueries.children(of: unit.requireID, on: req.db).sortedForDisplay()
        let units = [unit] + children
        let counts = try await CaseQueries.timeliness(of: units.map(\.requireID), year: req.query[Int.self, at: "year"], today: req.today, on: req.db)
        return units.map { unit in
            let c = counts[unit.requireID] ?? TimelinessCounts()
            return CitizenJSON.Timeliness(unitCode: unit.code, unitName: unit.name, onTime: c.onTime, late: c.late, inTime: c.inTime, overdue: c.overdue)
        }
    }

    struct ModeBody: Content {
        var mode: String?
        var decision: String?
    }

    func identityMode(req: Request) async throws -> HTTPStatus {
        try req.requireAdmin()
        let body = try req.content.decode(ModeBody.self)
        _ = try await IdentityMode.set(sealed: body.mode == "sealed", decision: body.decision ?? "", key: req.application.settings.identityKey,
                                       by: try req.actor, on: req.db)
        return .noContent
    }
}

extension ReceptionQueries.DutyRow: Content {}
extension ReceptionQueries.DialogueRow: Content {}
