import DanVanCore
import Fluent
import Foundation

/// One publication to the people (see CreatePublications): the item of the statutory list and the
/// period it covers, the document published, the forms used, from when to when, the proof.
final class Publication: Model, @unchecked Sendable {
    static let schema = "publications"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "rule_code") var ruleCode: String
    @Field(key: "period") var period: String
    @Field(key: "title") var title: String
    @Field(key: "doc_number") var docNumber: String
    @OptionalField(key: "doc_date") var docDate: String?
    @Field(key: "forms") var forms: String
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "loudspeaker_days") var loudspeakerDays: Int?
    @Field(key: "proof_link") var proofLink: String
    @Field(key: "responsible") var responsible: String
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var formList: [String] { forms.split(separator: ",").map(String.init) }
    var starts: CivilDate { CivilDate(parsing: startsOn) ?? .literal("2000-01-01") }
    var ends: CivilDate? { endsOn.flatMap(CivilDate.init(parsing:)) }

    /// "Số 45/QĐ-UBND ngày 08/10/2026", or nil when neither was written.
    var documentLabel: String? {
        let parts = [docNumber.isEmpty ? nil : "Số \(docNumber)", docDate.flatMap(CivilDate.init(parsing:)).map { "ngày \($0.vietnamese)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Where the publication stands on a day.
    enum State: String, Codable, CaseIterable {
        case scheduled, posted, ended

        var label: String {
            switch self {
            case .scheduled: "Chưa đến ngày"
            case .posted: "Đang công khai"
            case .ended: "Đã hết thời hạn"
            }
        }
    }

    func state(on date: CivilDate) -> State {
        if date < starts { return .scheduled }
        if let ends, ends < date { return .ended }
        return .posted
    }
}
