import DanVanCore
import Fluent
import Foundation

/// One inspection or supervision (see CreateInspection).
final class Inspection: Model, @unchecked Sendable {
    static let schema = "inspections"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "kind") var kindRaw: String
    @Field(key: "title") var title: String
    @OptionalField(key: "decision_number") var decisionNumber: String?
    @OptionalField(key: "decision_date") var decisionDate: String?
    @Field(key: "team") var team: String
    @OptionalField(key: "period_from") var periodFrom: String?
    @OptionalField(key: "period_to") var periodTo: String?
    @Field(key: "contents") var contents: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @OptionalField(key: "conclusion_number") var conclusionNumber: String?
    @OptionalField(key: "concluded_on") var concludedOn: String?
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var kind: InspectionKind { InspectionKind(rawValue: kindRaw) ?? .inspection }
    var concluded: CivilDate? { concludedOn.flatMap(CivilDate.init(parsing:)) }
}

final class InspectionFinding: Model, @unchecked Sendable {
    static let schema = "inspection_findings"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "inspection_id") var inspectionID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "type") var typeRaw: String
    @Field(key: "text") var text: String
    @OptionalField(key: "severity") var severityRaw: String?
    @OptionalField(key: "criterion") var criterion: String?
    @Field(key: "position") var position: Int

    init() {}

    var type: FindingType { FindingType(rawValue: typeRaw) ?? .shortcoming }
}

final class InspectionRequirement: Model, @unchecked Sendable {
    static let schema = "inspection_requirements"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "inspection_id") var inspectionID: Int
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "text") var text: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "state") var stateRaw: String
    @OptionalField(key: "fixed_on") var fixedOn: String?
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "close_reason") var closeReason: String?
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int

    init() {}

    var requireID: Int { id ?? 0 }
    var state: RequirementState { RequirementState(rawValue: stateRaw) ?? .open }
    var due: CivilDate? { CivilDate(parsing: dueOn) }

    /// Where the requirement stood on `day`: steps taken after it are not yet taken (a review
    /// report of June counts a remedy accepted in July as still open).
    func timeliness(today day: CivilDate) -> CaseTimeliness? {
        let fixed = fixedOn.flatMap(CivilDate.init(parsing:)).flatMap { $0 <= day ? $0 : nil }
        let decidedLater = closedOn.flatMap(CivilDate.init(parsing:)).map { $0 > day } ?? false
        var stood = state
        if stood == .accepted || stood == .closed, decidedLater { stood = fixed == nil ? .open : .reported }
        if stood == .reported, fixed == nil { stood = .open }
        return stood.timeliness(due: due, fixedOn: fixed, today: day)
    }
}

/// An item of a unit's yearly inspection plan (see CreateInspectionPlan).
final class InspectionPlanItem: Model, @unchecked Sendable {
    static let schema = "inspection_plan_items"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @Field(key: "month") var month: Int
    @Field(key: "kind") var kindRaw: String
    @Field(key: "contents") var contents: String
    @OptionalField(key: "task_id") var taskID: Int?
    @OptionalField(key: "inspection_id") var inspectionID: Int?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var kind: InspectionKind { InspectionKind(rawValue: kindRaw) ?? .inspection }
}
