import DanVanCore
import Foundation
import Vapor

/// What the API and the command line print about citizen work. No listing carries a citizen's
/// name; a case's detail carries the name of a recommender or complainant who did not ask to
/// stay anonymous, never anything about a denouncer.
enum CitizenJSON {
    struct Listing: Content {
        let id: Int
        let trackingCode: String
        let kind: String
        let channel: String
        let receivedOn: String
        let subject: String
        let status: String
        let dueOn: String?
        let doneOn: String?
        let timeliness: String
        let daysLate: Int
        let unitCode: String
        let leadUnitName: String?
        let extensions: Int
    }

    static func listing(_ row: CaseQueries.Row, today: CivilDate) -> Listing {
        Listing(id: row.id, trackingCode: row.tracking_code, kind: row.kind, channel: row.channel, receivedOn: row.received_on, subject: row.subject,
                status: row.status, dueOn: row.due_on, doneOn: row.done_on, timeliness: row.timeliness(today: today).rawValue,
                daysLate: row.daysLate(today: today), unitCode: row.unit_code, leadUnitName: row.lead_name, extensions: row.extensions)
    }

    struct Event: Content {
        let action: String
        let onDate: String
        let text: String
        let documentNumber: String?
        let documentDate: String?
        let dueOn: String?
        let ruleKey: String?
        let actor: String
    }

    struct Detail: Content {
        let id: Int
        let version: Int
        let trackingCode: String
        let unitCode: String
        let kind: String
        let channel: String
        let receivedOn: String
        let subject: String
        let content: String
        let citizenName: String?
        let citizenAddress: String?
        let anonymous: Bool
        let registerReference: String?
        let identitySealed: Bool
        let forwardedBy: String?
        let complexity: String
        let remote: Bool
        let secondRound: Bool
        let parentCaseID: Int?
        let status: String
        let competence: String?
        let transferTo: String?
        let leadUnitCode: String?
        let assignedDueOn: String?
        let ruleKey: String?
        let dueOn: String?
        let acceptedOn: String?
        let extensions: Int
        let answerNumber: String?
        let answerDate: String?
        let doneOn: String?
        let closedOn: String?
        let timeliness: String
        let nationalRef: String?
        let portalRef: String?
        let dialogueID: Int?
        let events: [Event]
    }

    static func detail(_ context: CaseContext, events: [CaseEvent], today: CivilDate) -> Detail {
        let r = context.record
        let hidden = r.kind == .denunciation || r.anonymous
        let competence: String? = switch r.status {
        case .transferred: CaseCompetence.transfer.rawValue
        case .guided: CaseCompetence.guide.rawValue
        case .received: nil
        default: CaseCompetence.own.rawValue
        }
        return Detail(id: r.requireID, version: r.version, trackingCode: r.trackingCode, unitCode: context.unit.code, kind: r.kindRaw, channel: r.channelRaw,
                      receivedOn: r.receivedOn, subject: r.subject, content: r.content, citizenName: hidden ? nil : r.citizenName,
                      citizenAddress: hidden ? nil : r.citizenAddress, anonymous: r.anonymous, registerReference: r.registerReference,
                      identitySealed: r.identitySealed, forwardedBy: r.forwardedBy, complexity: r.complexityRaw, remote: r.remote, secondRound: r.secondRound,
                      parentCaseID: r.parentCaseID, status: r.statusRaw, competence: competence, transferTo: r.transferTo, leadUnitCode: context.lead?.code,
                      assignedDueOn: r.assignedDueOn, ruleKey: r.ruleKey, dueOn: r.dueOn, acceptedOn: r.acceptedOn, extensions: r.extensions,
                      answerNumber: r.answerNumber, answerDate: r.answerDate, doneOn: r.doneOn, closedOn: r.closedOn,
                      timeliness: r.timeliness(today: today).rawValue, nationalRef: r.nationalRef, portalRef: r.portalRef, dialogueID: r.dialogueID,
                      events: events.map { Event(action: $0.action, onDate: $0.onDate, text: $0.text, documentNumber: $0.documentNumber,
                                                 documentDate: $0.documentDate, dueOn: $0.dueOn, ruleKey: $0.ruleKey, actor: $0.actorName) })
    }

    struct Rule: Content {
        let key: String
        let event: String
        let kinds: [String]
        let stage: String
        let secondRound: Bool
        let limit: Int
        let complexLimit: Int?
        let remoteLimit: Int?
        let remoteComplexLimit: Int?
        let dayKind: String
        let extensionDays: Int
        let maxExtensions: Int
        let citation: String
        let validFrom: String
        let validTo: String?
    }

    static func rule(_ rule: DeadlineRule) -> Rule {
        Rule(key: rule.key, event: rule.event, kinds: rule.kinds.map(\.rawValue), stage: rule.stage.rawValue, secondRound: rule.secondRound,
             limit: rule.limit, complexLimit: rule.complexLimit, remoteLimit: rule.remoteLimit, remoteComplexLimit: rule.remoteComplexLimit,
             dayKind: rule.dayKind.rawValue, extensionDays: rule.extensions.days, maxExtensions: rule.maxExtensions, citation: rule.citation,
             validFrom: rule.validFrom.description, validTo: rule.validTo?.description)
    }

    struct Due: Content {
        let rule: String
        let from: String
        let due: String
        let dayKind: String
        let citation: String
    }

    /// A sealed scan as listed: what it is, never what it shows or what it was called.
    struct Scan: Content {
        let id: Int
        let mediaType: String
        let bytes: Int
        let createdBy: String
        let createdAt: Date
    }

    struct Attached: Content {
        let caseID: Int
        let attached: Int
    }

    struct Identity: Content {
        let caseID: Int
        let name: String
        let address: String
        let contact: String
        let note: String
    }

    struct Session: Content {
        let id: Int
        let unitCode: String
        let position: String
        let hostName: String
        let deputyName: String?
        let extraordinary: Bool
        let heldOn: String
        let place: String
        let citizens: Int
        let groups: Int
    }

    struct Timeliness: Content {
        let unitCode: String
        let unitName: String
        let onTime: Int
        let late: Int
        let inTime: Int
        let overdue: Int
    }
}
