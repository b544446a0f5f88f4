import DanVanCore
import Fluent
import Foundation

/// One person a training target counts (see CreateTraining): name, unit, position, category.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "full_name") var fullName: String
    @Field(key: "position") var position: String
    @Field(key: "category") var category: String
    @Field(key: "in_charge") var inCharge: Bool
    @OptionalField(key: "active_from") var activeFrom: String?
    @OptionalField(key: "active_to") var activeTo: String?
    @Field(key: "search") var search: String
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
}

/// A training course and its roster (see CreateTraining).
final class TrainingCourse: Model, @unchecked Sendable {
    static let schema = "training_courses"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "title") var title: String
    @Field(key: "co_organisers") var coOrganisers: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "place") var place: String
    @Field(key: "form") var form: String
    @Field(key: "topics") var topics: String
    @Field(key: "audience") var audience: String
    @OptionalField(key: "seats_per_unit") var seatsPerUnit: Int?
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var requireID: Int { id ?? 0 }
    var starts: CivilDate? { CivilDate(parsing: startsOn) }
    var ends: CivilDate? { CivilDate(parsing: endsOn) }
    var topicKeys: [String] { topics.split(separator: ",").map(String.init) }
    var audienceKeys: [String] { audience.split(separator: ",").map(String.init) }

    /// First and last day included.
    var lengthInDays: Int {
        guard let starts, let ends else { return 1 }
        return max(1, ends.dayNumber - starts.dayNumber + 1)
    }
}

final class CourseAttendance: Model, @unchecked Sendable {
    static let schema = "course_attendances"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "course_id") var courseID: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "days") var days: Double
    @OptionalField(key: "certificate") var certificate: String?

    init() {}
}
