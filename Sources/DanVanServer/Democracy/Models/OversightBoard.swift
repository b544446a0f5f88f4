import DanVanCore
import Fluent
import Foundation

/// A people's inspection board or community investment supervision board (see CreateOversightBoards).
final class OversightBoard: Model, @unchecked Sendable {
    static let schema = "oversight_boards"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "kind") var kindRaw: String
    @Field(key: "decision") var decision: String
    @Field(key: "term_from") var termFrom: String
    @OptionalField(key: "term_to") var termTo: String?
    @Field(key: "members") var members: String
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var kind: OversightBoardKind { OversightBoardKind(rawValue: kindRaw) ?? .investmentSupervision }

    func inOffice(on day: CivilDate) -> Bool {
        (CivilDate(parsing: termFrom).map { $0 <= day } ?? false) && (termTo.flatMap(CivilDate.init(parsing:)).map { day <= $0 } ?? true)
    }
}

/// A board's recommendation to a unit (see CreateBoardRecommendations), in the states of an
/// inspection's requirement: open, answered (reported), accepted, closed with a reason.
final class BoardRecommendation: Model, @unchecked Sendable {
    static let schema = "board_recommendations"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "board_id") var boardID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "text") var text: String
    @Field(key: "made_on") var madeOn: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "state") var stateRaw: String
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_on") var answeredOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "close_reason") var closeReason: String?
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var state: RequirementState { RequirementState(rawValue: stateRaw) ?? .open }
    var due: CivilDate? { CivilDate(parsing: dueOn) }

    func timeliness(today: CivilDate) -> CaseTimeliness? {
        state.timeliness(due: due, fixedOn: answeredOn.flatMap(CivilDate.init(parsing:)), today: today)
    }
}

extension OversightBoard {
    /// The commune a board belongs to: itself for a commune's board, the village's parent otherwise.
    func commune(on db: any Database) async throws -> OrgUnit {
        guard let place = try await OrgUnit.find(unitID, on: db) else { throw AppError.notFound("Không tìm thấy nơi của ban giám sát.") }
        if place.unitKind == .village, let parentID = place.parentID, let parent = try await OrgUnit.find(parentID, on: db) { return parent }
        return place
    }
}
