import DanVanCore
import Fluent
import Foundation

/// A citizen's matter followed to its answer (see CreateCitizenCase). Never holds a denouncer's identity.
final class CitizenCase: Model, @unchecked Sendable {
    static let schema = "citizen_cases"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "tracking_code") var trackingCode: String
    @Field(key: "kind") var kindRaw: String
    @Field(key: "channel") var channelRaw: String
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "subject") var subject: String
    @Field(key: "content") var content: String
    @Field(key: "search") var search: String
    @OptionalField(key: "citizen_name") var citizenName: String?
    @OptionalField(key: "citizen_address") var citizenAddress: String?
    @OptionalField(key: "citizen_contact") var citizenContact: String?
    @Field(key: "anonymous") var anonymous: Bool
    @OptionalField(key: "register_reference") var registerReference: String?
    @Field(key: "identity_sealed") var identitySealed: Bool
    @OptionalField(key: "forwarded_by") var forwardedBy: String?
    @Field(key: "complexity") var complexityRaw: String
    @Field(key: "remote") var remote: Bool
    @Field(key: "second_round") var secondRound: Bool
    @OptionalField(key: "parent_case_id") var parentCaseID: Int?
    @Field(key: "status") var statusRaw: String
    @OptionalField(key: "transfer_to") var transferTo: String?
    @OptionalField(key: "lead_unit_id") var leadUnitID: Int?
    @OptionalField(key: "coordinating_units") var coordinatingUnits: String?
    @OptionalField(key: "assigned_due_on") var assignedDueOn: String?
    @OptionalField(key: "rule_key") var ruleKey: String?
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "accepted_on") var acceptedOn: String?
    @Field(key: "extensions") var extensions: Int
    @OptionalField(key: "answer_number") var answerNumber: String?
    @OptionalField(key: "answer_date") var answerDate: String?
    @OptionalField(key: "done_on") var doneOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "national_ref") var nationalRef: String?
    @OptionalField(key: "portal_ref") var portalRef: String?
    @OptionalField(key: "reception_session_id") var receptionSessionID: Int?
    @OptionalField(key: "dialogue_id") var dialogueID: Int?
    @Field(key: "version") var version: Int
    @OptionalField(key: "created_by") var createdBy: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var kind: CaseKind { CaseKind(rawValue: kindRaw) ?? .recommendation }
    var channel: CaseChannel { CaseChannel(rawValue: channelRaw) ?? .letter }
    var status: CaseStatus { CaseStatus(rawValue: statusRaw) ?? .received }
    var complexity: CaseComplexity { CaseComplexity(rawValue: complexityRaw) ?? .ordinary }
    var due: CivilDate? { dueOn.flatMap(CivilDate.init(parsing:)) }
    var done: CivilDate? { doneOn.flatMap(CivilDate.init(parsing:)) }
    var received: CivilDate? { CivilDate(parsing: receivedOn) }
    var circumstances: DeadlineRule.Circumstances { .init(complexity: complexity, remote: remote) }

    func timeliness(today: CivilDate) -> CaseTimeliness {
        CaseTimeliness.of(due: due, done: done, today: today)
    }
}

/// One step in a case's history (see CreateCitizenCase).
final class CaseEvent: Model, @unchecked Sendable {
    static let schema = "case_events"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "case_id") var caseID: Int
    @Field(key: "action") var action: String
    @Field(key: "on_date") var onDate: String
    @Field(key: "text") var text: String
    @OptionalField(key: "document_number") var documentNumber: String?
    @OptionalField(key: "document_date") var documentDate: String?
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "rule_key") var ruleKey: String?
    @OptionalField(key: "actor_id") var actorID: Int?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
