import DanVanCore
import Fluent
import SQLKit

/// `/citizens/cases/{id}`: one case with its deadline, its history and the steps open to the
/// reader. A denunciation shows where its identity is kept, never the identity itself; a named
/// handler at the competent unit may open a sealed one by giving a reason.
struct CasePage: Encodable {
    struct Event: Encodable {
        let date: String
        let action: String
        let text: String
        let document: String?
        let due: String?
        let actor: String
    }

    struct Scan: Encodable {
        let id: Int
        let label: String
    }

    struct ActionForm: Encodable {
        let action: String
        let label: String
        let needsText: Bool
        let textLabel: String
        let needsDocument: Bool
        let needsLead: Bool
        let needsComplexity: Bool
    }

    let id: Int
    let version: Int
    let heading: String
    let trackingCode: String
    let kind: String
    let isDenunciation: Bool
    let channel: String
    let forwardedBy: String?
    let unitName: String
    let leadName: String?
    let coordinating: String?
    let assignedDue: String?
    let received: String
    let subject: String
    let content: String
    let status: String
    let due: String?
    let timeliness: String
    let timelinessKey: String
    let daysLate: Int?
    let rule: String?
    let extensions: Int
    let complexity: String
    let remote: Bool
    let transferTo: String?
    let answer: String?
    let citizen: String?
    let anonymous: Bool
    let identityPlace: String?
    let identitySealed: Bool
    let canReadIdentity: Bool
    let secondRound: Bool
    let parentHref: String?
    let nationalRef: String?
    let portalRef: String?
    let dialogueHref: String?
    let events: [Event]
    let forms: [ActionForm]
    let leadOptions: [SelectOption]
    let complexityOptions: [SelectOption]
    let handlers: [String]
    let canName: Bool
    let handlerChoices: [SelectOption]
    let actionHref: String
    let identityHref: String
    let handlersHref: String
    let receiptHref: String
    let redactedHref: String
    let scans: [Scan]
    let showScans: Bool
    let canAttachScans: Bool
    let canOpenScans: Bool
    let scansHref: String
    let scanOpenHref: String
    let today: String
    let errors: FormErrors

    static func query(_ context: CaseContext, actor: Actor, today: CivilDate, keyConfigured: Bool, errors: FormErrors = .none,
                      on db: any Database) async throws -> CasePage {
        let record = context.record
        let canHandle = try await Authorizer.allows(actor, .handleCitizens, on: context.unit, db: db)
        let isHandler = try await IdentityReading.isHandler(actor, of: record, on: db)
        let scans = try await CaseScans.list(record.requireID, on: db)
        let scanning = keyConfigured ? try await IdentityMode.current(on: db).sealsIdentities : false
        let canName = try await Authorizer.allows(actor, .nameHandlers, on: context.unit, db: db)
        let events = try await CaseEvent.query(on: db).filter(\.$caseID == record.requireID).sort(\.$onDate).sort(\.$id).all()
        let rules = try await CitizenRules.deadlineRules(on: db)
        let rule = record.ruleKey.flatMap { key in rules.last { $0.key == key } }
        let handlerIDs = try await CaseEscalation.handlers(of: record.requireID, on: db)
        let handlerUsers = try await User.query(on: db).filter(\.$unitID == record.unitID).sort(\.$fullName).all()
        let children = canHandle ? try await UnitQueries.children(of: context.unit.requireID, on: db).sortedForDisplay() : []
        let timeliness = record.timeliness(today: today)
        let late = CaseTimeliness.daysLate(due: record.due, done: record.done, today: today)
        let forms: [ActionForm] = canHandle ? CaseAction.allCases.filter { $0.next(from: record.status) != nil }.map { action in
            ActionForm(action: action.rawValue, label: action.label, needsText: [.transfer, .guide, .followUp, .escalate, .answer, .close, .accept].contains(action),
                       textLabel: action == .transfer ? "Cơ quan có thẩm quyền nhận đơn" : (action == .answer ? "Tóm tắt nội dung trả lời" : "Nội dung"),
                       needsDocument: [.answer, .extend].contains(action), needsLead: action == .assign, needsComplexity: [.accept, .extend].contains(action))
        } : []
        let place = record.kind == .denunciation && !record.identitySealed
            ? "Danh tính người tố cáo lưu tại sổ mật của \(context.unit.name)" + (record.registerReference.map { " (\($0))" } ?? "") + "; hệ thống không lưu."
            : nil
        return CasePage(
            id: record.requireID, version: record.version, heading: "\(record.kind.label) \(record.trackingCode)", trackingCode: record.trackingCode,
            kind: record.kind.label, isDenunciation: record.kind == .denunciation, channel: record.channel.label, forwardedBy: record.forwardedBy,
            unitName: context.unit.name, leadName: context.lead?.name, coordinating: record.coordinatingUnits,
            assignedDue: record.assignedDueOn.flatMap(CivilDate.init(parsing:))?.vietnamese,
            received: record.received?.vietnamese ?? record.receivedOn, subject: record.subject, content: record.content, status: record.status.label,
            due: record.due?.vietnamese, timeliness: timeliness.label, timelinessKey: timeliness.rawValue, daysLate: late > 0 ? late : nil,
            rule: rule.map { "\($0.event): \($0.limit(given: record.circumstances)) \($0.dayKind.label) (\($0.citation))" },
            extensions: record.extensions, complexity: record.complexity.label, remote: record.remote, transferTo: record.transferTo,
            answer: record.answerNumber.map { number in "Văn bản số \(number)" + (record.answerDate.flatMap(CivilDate.init(parsing:)).map { " ngày \($0.vietnamese)" } ?? "") },
            citizen: record.kind == .denunciation || record.anonymous ? nil
                : [record.citizenName, record.citizenAddress, record.citizenContact].compactMap { $0 }.joined(separator: " · "),
            anonymous: record.anonymous && record.kind != .denunciation,
            identityPlace: place, identitySealed: record.identitySealed,
            canReadIdentity: record.identitySealed && isHandler,
            secondRound: record.secondRound, parentHref: record.parentCaseID.map { SiteRoute.citizenCase($0).path },
            nationalRef: record.nationalRef, portalRef: record.portalRef, dialogueHref: record.dialogueID.map { SiteRoute.dialogue($0).path },
            events: events.map { event in
                Event(date: CivilDate(parsing: event.onDate)?.vietnamese ?? event.onDate, action: event.action == "scan" ? "Lưu bản chụp đơn" : CaseAction(rawValue: event.action)?.label ?? "Tiếp nhận",
                      text: event.text, document: event.documentNumber.map { n in "Số \(n)" + (event.documentDate.flatMap(CivilDate.init(parsing:)).map { " ngày \($0.vietnamese)" } ?? "") },
                      due: event.dueOn.flatMap(CivilDate.init(parsing:))?.vietnamese, actor: event.actorName)
            },
            forms: forms,
            leadOptions: ([context.unit] + children).map { SelectOption(value: $0.code, label: $0.name, selected: $0.requireID == record.leadUnitID) },
            complexityOptions: CaseComplexity.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == record.complexity) },
            handlers: handlerUsers.filter { handlerIDs.contains($0.id ?? 0) }.map(\.fullName),
            canName: canName,
            handlerChoices: canName ? handlerUsers.filter { $0.userRole != .admin }.map { SelectOption(value: $0.username, label: $0.fullName, selected: handlerIDs.contains($0.id ?? 0)) } : [],
            actionHref: SiteRoute.citizenCaseAction(record.requireID).path, identityHref: SiteRoute.citizenCaseIdentity(record.requireID).path,
            handlersHref: SiteRoute.citizenCaseHandlers(record.requireID).path, receiptHref: SiteRoute.citizenCaseReceipt(record.requireID).path,
            redactedHref: SiteRoute.citizenCaseRedacted(record.requireID).path,
            scans: scans.enumerated().map { index, scan in
                Scan(id: scan.id, label: "Bản chụp \(index + 1) · \(scan.media_type == "application/pdf" ? "PDF" : "ảnh") \(max(1, scan.byte_size / 1024)) KB · \(scan.created_by)")
            },
            showScans: !scans.isEmpty || (canHandle && scanning), canAttachScans: canHandle && scanning, canOpenScans: isHandler,
            scansHref: SiteRoute.citizenCaseScans(record.requireID).path, scanOpenHref: SiteRoute.citizenCaseScanOpen(record.requireID).path,
            today: today.description, errors: errors)
    }
}

/// The form to receive a matter: the kind decides which fields apply; a denunciation asks only
/// for the confidential register's reference, or, where the province allows it, the sealed identity.
struct CaseFormPage: Encodable {
    let unitCode: String
    let unitName: String
    let values: CaseReceiving.Input
    let kinds: [SelectOption]
    let channels: [SelectOption]
    let complexities: [SelectOption]
    let sealsIdentities: Bool
    let action: String
    let cancelHref: String
    let today: String
    let errors: FormErrors

    static func make(unit: OrgUnit, values: CaseReceiving.Input, mode: IdentityMode.Mode, today: CivilDate, errors: FormErrors = .none) -> CaseFormPage {
        CaseFormPage(unitCode: unit.code, unitName: unit.name, values: values,
                     kinds: CaseKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.kind) },
                     channels: CaseChannel.allCases.filter { $0 != .dialogue }.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.channel) },
                     complexities: CaseComplexity.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.complexity) },
                     sealsIdentities: mode.sealsIdentities, action: SiteRoute.citizenCaseNew.path,
                     cancelHref: SiteRoute.citizens.path + "?unit=\(unit.code)", today: today.description, errors: errors)
    }
}
