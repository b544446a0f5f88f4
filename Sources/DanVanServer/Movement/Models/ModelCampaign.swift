import DanVanCore
import Fluent
import Foundation

/// A year's "Dân vận khéo" campaign (see CreateModelCampaign). Lists are kept as text: fields
/// as JSON, kinds, unit kinds, levels and criteria one per line.
final class ModelCampaign: Model, @unchecked Sendable {
    static let schema = "model_campaigns"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "document_date") var documentDate: String
    @Field(key: "fields") var fieldsJSON: String
    @Field(key: "kinds") var kindsText: String
    @Field(key: "unit_kinds") var unitKindsText: String
    @Field(key: "registration_from") var registrationFrom: String
    @Field(key: "registration_to") var registrationTo: String
    @Field(key: "evaluation_from") var evaluationFrom: String
    @Field(key: "evaluation_to") var evaluationTo: String
    @Field(key: "levels") var levelsText: String
    @Field(key: "criteria") var criteriaText: String
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }

    var fields: [ModelField] {
        (try? JSONDecoder().decode([ModelField].self, from: Data(fieldsJSON.utf8))) ?? ModelField.defaults
    }

    var kinds: [ModelKind] { kindsText.split(separator: ",").compactMap { ModelKind(rawValue: String($0)) } }
    var unitKinds: [UnitKind] { unitKindsText.split(separator: ",").compactMap { UnitKind(rawValue: String($0)) } }
    var levels: [String] { Self.lines(levelsText) }
    var criteria: [String] { Self.lines(criteriaText) }

    var registrationEnds: CivilDate? { CivilDate(parsing: registrationTo) }
    var evaluationStarts: CivilDate? { CivilDate(parsing: evaluationFrom) }

    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
