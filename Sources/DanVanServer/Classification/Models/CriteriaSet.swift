import DanVanCore
import Fluent
import Foundation

/// A criteria set as stored (see CreateCriteriaSet). The definition is JSON of
/// `CriteriaSetDefinition`; unit kinds are comma-separated.
final class CriteriaSet: Model, @unchecked Sendable {
    static let schema = "criteria_sets"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "title") var title: String
    @Field(key: "decision_number") var decisionNumber: String
    @Field(key: "decision_date") var decisionDate: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?
    @OptionalField(key: "replaced_by_id") var replacedByID: Int?
    @Field(key: "unit_kinds") var unitKindsText: String
    @Field(key: "max_points") var maxPointsHundredths: Int
    @Field(key: "definition") var definitionJSON: String
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }

    var definition: CriteriaSetDefinition {
        get throws { try JSONDecoder().decode(CriteriaSetDefinition.self, from: Data(definitionJSON.utf8)) }
    }

    var unitKinds: [UnitKind] { unitKindsText.split(separator: ",").compactMap { UnitKind(rawValue: String($0)) } }

    /// "Quyết định số 1878-QĐ/TU ngày 30/10/2017".
    var citation: String {
        let date = CivilDate(parsing: decisionDate)?.vietnamese ?? decisionDate
        return "Quyết định số \(decisionNumber) ngày \(date)"
    }

    /// Whether the set is in force on `day`.
    func applies(on day: CivilDate) -> Bool {
        guard let from = CivilDate(parsing: validFrom), from <= day else { return false }
        return validTo.flatMap(CivilDate.init(parsing:)).map { day <= $0 } ?? true
    }
}
