import DanVanCore
import Fluent
import Foundation

/// One model or exemplar of a unit for one year (see CreateMovementModel).
final class MovementModel: Model, @unchecked Sendable {
    static let schema = "movement_models"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @OptionalField(key: "campaign_id") var campaignID: Int?
    @Field(key: "name") var name: String
    @Field(key: "name_key") var nameKey: String
    @Field(key: "field") var field: String
    @Field(key: "subtheme") var subtheme: String
    @Field(key: "kind") var kind: String
    @Field(key: "person_name") var personName: String
    @Field(key: "person_position") var personPosition: String
    @Field(key: "person_unit") var personUnit: String
    @Field(key: "problem") var problem: String
    @Field(key: "goals") var goals: String
    @Field(key: "content") var content: String
    @Field(key: "place") var place: String
    @Field(key: "forces") var forces: String
    @Field(key: "resources") var resources: String
    @Field(key: "timing") var timing: String
    @Field(key: "outputs") var outputs: String
    @Field(key: "sustainability") var sustainability: String
    @OptionalField(key: "plan_task_id") var planTaskID: Int?
    @OptionalField(key: "plan_target_id") var planTargetID: Int?
    @OptionalField(key: "replicated_from_id") var replicatedFromID: Int?
    @OptionalField(key: "carried_from_id") var carriedFromID: Int?
    @Field(key: "status") var status: String
    @Field(key: "late") var late: Bool
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "self_assessment") var selfAssessment: String
    @Field(key: "criteria_met") var criteriaMet: String
    @Field(key: "evaluation_note") var evaluationNote: String
    @OptionalField(key: "recognition_level") var recognitionLevel: String?
    @OptionalField(key: "decision_number") var decisionNumber: String?
    @OptionalField(key: "decision_date") var decisionDate: String?
    @OptionalField(key: "commendation_proposed") var commendationProposed: String?
    @OptionalField(key: "commendation_given") var commendationGiven: String?
    @Field(key: "registered_on") var registeredOn: String
    @OptionalField(key: "registered_by") var registeredBy: Int?
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var modelStatus: ModelStatus { ModelStatus(rawValue: status) ?? .registered }
    var modelKind: ModelKind { ModelKind(rawValue: kind) ?? .collectiveModel }

    /// The registration as its form shows it.
    var registration: ModelRegistration {
        ModelRegistration(name: name, field: field, subtheme: subtheme, kind: kind, personName: personName, personPosition: personPosition,
                          personUnit: personUnit, problem: problem, goals: goals, content: content, place: place, forces: forces,
                          resources: resources, timing: timing, outputs: outputs, sustainability: sustainability)
    }

    func apply(_ registration: ModelRegistration) {
        name = registration.name
        nameKey = VietnameseFolding.fold(registration.name)
        field = registration.field
        subtheme = registration.subtheme
        kind = registration.kind
        personName = registration.personName
        personPosition = registration.personPosition
        personUnit = registration.personUnit
        problem = registration.problem
        goals = registration.goals
        content = registration.content
        place = registration.place
        forces = registration.forces
        resources = registration.resources
        timing = registration.timing
        outputs = registration.outputs
        sustainability = registration.sustainability
    }

    /// Criteria judged met at evaluation, by their position in the campaign's list.
    var criteriaMetIndexes: Set<Int> { Set(criteriaMet.split(separator: ",").compactMap { Int($0) }) }
}
