import DanVanCore
import Fluent
import Foundation

/// How a target is measured (a ratio, a count, yes/no, or the share of child units reaching a
/// per-unit level), reusable across plans and years.
final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "per_unit_comparator") var perUnitComparator: String?
    @OptionalField(key: "per_unit_value") var perUnitValue: Double?
    @OptionalField(key: "unit_id") var unitID: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var indicatorKind: IndicatorKind { IndicatorKind(rawValue: kind) ?? .ratio }
}
