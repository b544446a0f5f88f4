import DanVanCore
import Fluent
import Foundation

/// A day a leader (or a deputy in their place) received citizens (see CreateReception).
final class ReceptionSession: Model, @unchecked Sendable {
    static let schema = "reception_sessions"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "position") var positionRaw: String
    @Field(key: "host_name") var hostName: String
    @OptionalField(key: "deputy_name") var deputyName: String?
    @Field(key: "extraordinary") var extraordinary: Bool
    @Field(key: "held_on") var heldOn: String
    @Field(key: "place") var place: String
    @Field(key: "citizens") var citizens: Int
    @Field(key: "groups") var groups: Int
    @Field(key: "note") var note: String
    @OptionalField(key: "created_by") var createdBy: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var position: LeaderPosition { LeaderPosition(rawValue: positionRaw) ?? .partySecretary }
}

/// A dialogue conference (see CreateReception).
final class Dialogue: Model, @unchecked Sendable {
    static let schema = "dialogues"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "co_chairs") var coChairs: String
    @Field(key: "topic") var topic: String
    @Field(key: "form") var form: String
    @Field(key: "scope") var scope: String
    @OptionalField(key: "notice_on") var noticeOn: String?
    @Field(key: "channels") var channels: String
    @OptionalField(key: "extraordinary_reason") var extraordinaryReason: String?
    @Field(key: "held_on") var heldOn: String
    @Field(key: "attendance") var attendance: Int
    @Field(key: "conclusions") var conclusions: String
    @OptionalField(key: "published_on") var publishedOn: String?
    @Field(key: "version") var version: Int
    @OptionalField(key: "created_by") var createdBy: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var held: CivilDate? { CivilDate(parsing: heldOn) }
}

/// A question asked at a dialogue; one not answered on the spot points at its case.
final class DialogueQuestion: Model, @unchecked Sendable {
    static let schema = "dialogue_questions"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "dialogue_id") var dialogueID: Int
    @Field(key: "position") var position: Int
    @Field(key: "asker") var asker: String
    @Field(key: "category") var category: String
    @Field(key: "question") var question: String
    @Field(key: "answered_on_spot") var answeredOnSpot: Bool
    @Field(key: "answered_by") var answeredBy: String
    @OptionalField(key: "case_id") var caseID: Int?

    init() {}
}
