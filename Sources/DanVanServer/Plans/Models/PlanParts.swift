import DanVanCore
import Fluent

/// A heading of a plan, with its place in the heading tree.
final class PlanSectionRecord: Model, @unchecked Sendable {
    static let schema = "plan_sections"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "position") var position: Int
    @Field(key: "depth") var depth: Int
    @Field(key: "number") var number: String
    @Field(key: "heading") var heading: String
    @Field(key: "line") var line: Int

    init() {}
}

/// A paragraph of a plan's body as the document had it, with the line it was read from.
final class PlanParagraphRecord: Model, @unchecked Sendable {
    static let schema = "plan_paragraphs"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "position") var position: Int
    @Field(key: "line") var line: Int
    @Field(key: "text") var text: String

    init() {}
}

/// A measurable target of a plan, typed as the reader gives it.
final class PlanTargetRecord: Model, @unchecked Sendable {
    static let schema = "plan_targets"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "position") var position: Int
    @Field(key: "text") var text: String
    @Field(key: "comparator") var comparator: String
    @OptionalField(key: "value") var value: Double?
    @OptionalField(key: "upper") var upper: Double?
    @Field(key: "measure") var measure: String
    @Field(key: "subject") var subject: String
    @Field(key: "line") var line: Int
    /// The grade a level target asks for, or that qualifies a share ("Khá" in "… đạt từ khá trở lên").
    @OptionalField(key: "level") var level: String?
    @OptionalField(key: "parent_target_id") var parentTargetID: Int?
    @OptionalField(key: "indicator_id") var indicatorID: Int?

    init() {}

    var threshold: Threshold {
        Threshold(TargetComparator(rawValue: comparator) ?? .eq, value, upper: upper, measure: TargetMeasure(rawValue: measure) ?? .percent)
    }
}

/// A task of a plan: body text or an appendix row, with its timing and the units named.
final class PlanTaskRecord: Model, @unchecked Sendable {
    static let schema = "plan_tasks"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "position") var position: Int
    @Field(key: "text") var text: String
    @Field(key: "section") var section: String
    @OptionalField(key: "task_group") var group: String?
    @Field(key: "timing_raw") var timingRaw: String
    @Field(key: "months") var months: String
    @OptionalField(key: "recurrence") var recurrence: String?
    @OptionalField(key: "deadline") var deadline: String?
    @Field(key: "as_directed") var asDirected: Bool
    @Field(key: "lead_names") var leadNames: String
    @Field(key: "coordinating_names") var coordinatingNames: String
    @Field(key: "line") var line: Int
    @OptionalField(key: "parent_task_id") var parentTaskID: Int?
    @OptionalField(key: "lead_unit_id") var leadUnitID: Int?
    @OptionalField(key: "expected_result") var expectedResult: String?
    @Field(key: "version") var version: Int

    init() {}
}

extension PlanTargetRecord {
    var requireID: Int { id ?? 0 }
}

extension PlanTaskRecord {
    var requireID: Int { id ?? 0 }

    /// Stores a timing as its parts: the words as written, the due months, the recurrence, the deadline.
    func apply(_ timing: TaskTiming) {
        timingRaw = timing.raw
        months = timing.months.map(String.init).joined(separator: ",")
        recurrence = timing.recurrence?.rawValue
        deadline = timing.deadline?.description
        asDirected = timing.asDirected
    }
}
