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
