import DanVanCore
import Fluent
import Foundation

/// A year's round opened by the level above (see CreateClassificationRound).
final class ClassificationRound: Model, @unchecked Sendable {
    static let schema = "classification_rounds"

    enum State: String, Codable, Sendable {
        case open, published

        var label: String { self == .open ? "Đang chấm" : "Đã công bố" }
    }

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @Field(key: "set_id") var setID: Int
    @Field(key: "title") var title: String
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "closes_on") var closesOn: String
    @Field(key: "state") var stateRaw: String
    @OptionalField(key: "decision_number") var decisionNumber: String?
    @OptionalField(key: "decision_date") var decisionDate: String?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var state: State { State(rawValue: stateRaw) ?? .open }
    var closes: CivilDate? { CivilDate(parsing: closesOn) }
}

/// One unit's sheet in a round.
final class ClassificationSheet: Model, @unchecked Sendable {
    static let schema = "classification_sheets"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "round_id") var roundID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "state") var stateRaw: String
    @Field(key: "self_total") var selfTotal: Int
    @OptionalField(key: "appraised_total") var appraisedTotal: Int?
    @OptionalField(key: "label") var label: String?
    @Field(key: "gated") var gated: Bool
    @OptionalField(key: "submitted_on") var submittedOn: String?
    @OptionalField(key: "return_reason") var returnReason: String?
    @OptionalField(key: "reopen_reason") var reopenReason: String?
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var state: SheetState { SheetState(rawValue: stateRaw) ?? .draft }
}

/// One criterion of a sheet: the unit's score and words, what DanVan measured, the appraisal.
final class ClassificationScore: Model, @unchecked Sendable {
    static let schema = "classification_scores"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "sheet_id") var sheetID: Int
    @Field(key: "criterion_key") var criterionKey: String
    @OptionalField(key: "self_points") var selfPoints: Int?
    @Field(key: "self_note") var selfNote: String
    @OptionalField(key: "prefill_points") var prefillPoints: Int?
    @OptionalField(key: "prefill_figures") var prefillFigures: String?
    @OptionalField(key: "override_reason") var overrideReason: String?
    @OptionalField(key: "appraised_points") var appraisedPoints: Int?
    @OptionalField(key: "appraisal_reason") var appraisalReason: String?

    init() {}
}

/// An evidence file for one criterion of a sheet.
final class ClassificationFile: Model, @unchecked Sendable {
    static let schema = "classification_files"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "sheet_id") var sheetID: Int
    @Field(key: "criterion_key") var criterionKey: String
    @Field(key: "stored_name") var storedName: String
    @Field(key: "original_name") var originalName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int

    init() {}
}
