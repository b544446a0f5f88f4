import DanVanCore
import Fluent
import Foundation

/// A unit of the political system: a party committee, a People's Committee, a Front
/// committee, a union, a village. Ended units stay, with their successors.
final class OrgUnit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "short_name") var shortName: String?
    @Field(key: "kind") var kind: String
    @Field(key: "level") var level: String
    @OptionalField(key: "parent_id") var parentID: Int?
    @OptionalField(key: "reports_to_id") var reportsToID: Int?
    @OptionalField(key: "valid_from") var validFrom: String?
    @OptionalField(key: "valid_to") var validTo: String?
    @Field(key: "search_text") var searchText: String
    @Field(key: "version") var version: Int
    /// The unit's choice to have a public page; nil follows `PublicPageDefault`.
    @OptionalField(key: "public_page") var publicPage: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var unitKind: UnitKind { UnitKind(rawValue: kind) ?? .other }
    var unitLevel: UnitLevel { UnitLevel(rawValue: level) ?? .grassroots }
    var requireID: Int { id ?? 0 }

    /// Copies checked fields in and refreshes the folded search text.
    func apply(_ unit: ValidUnit) {
        code = unit.code
        name = unit.name
        shortName = unit.shortName
        kind = unit.kind.rawValue
        level = unit.level.rawValue
        validFrom = unit.validFrom?.description
        validTo = unit.validTo?.description
        searchText = VietnameseFolding.fold([unit.code, unit.name, unit.shortName ?? ""].joined(separator: " "))
    }

    func isActive(on date: CivilDate) -> Bool {
        if let from = validFrom.flatMap(CivilDate.init(parsing:)), date < from { return false }
        if let to = validTo.flatMap(CivilDate.init(parsing:)), to < date { return false }
        return true
    }

    var draft: UnitDraft {
        UnitDraft(code: code, name: name, shortName: shortName ?? "", kind: kind, level: level,
                  validFrom: validFrom ?? "", validTo: validTo ?? "")
    }
}
