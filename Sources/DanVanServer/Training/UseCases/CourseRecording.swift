import DanVanCore
import Fluent
import Foundation

/// A training course as its organiser records it: title, co-organisers, dates, place, form,
/// topics and audience from the lists, seats per unit. Every fault named; one transaction.
enum CourseRecording {
    static let forms = ["in_person": "Trực tiếp", "online": "Trực tuyến", "mixed": "Trực tiếp kết hợp trực tuyến"]

    struct Input: Codable, Sendable, Equatable {
        var unitCode = ""
        var title = ""
        var coOrganisers = ""
        var startsOn = ""
        var endsOn = ""
        var place = ""
        var form = ""
        var topics: [String] = []
        var audience: [String] = []
        var seatsPerUnit = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String {
                if let value = try? c.decodeIfPresent(String.self, forKey: key) { return value }
                if let value = try? c.decodeIfPresent(Int.self, forKey: key) { return String(value) }
                return ""
            }
            func list(_ key: CodingKeys) -> [String] { ((try? c.decodeIfPresent([String].self, forKey: key)) ?? nil) ?? [] }
            unitCode = text(.unitCode); title = text(.title); coOrganisers = text(.coOrganisers); startsOn = text(.startsOn)
            endsOn = text(.endsOn); place = text(.place); form = text(.form); topics = list(.topics); audience = list(.audience)
            seatsPerUnit = text(.seatsPerUnit)
        }
    }

    static func create(_ input: Input, by actor: Actor, on db: any Database) async throws -> TrainingCourse {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .manageTraining, on: unit, db: db, message: "Bạn không được ghi lớp tập huấn cho đơn vị này.")
        var issues: [ValidationIssue] = []
        let title = FreeText.clean(input.title, field: "title", label: "Tên lớp", limit: FreeText.Limit.line, required: true).value(collecting: &issues) ?? ""
        let coOrganisers = FreeText.clean(input.coOrganisers, field: "coOrganisers", label: "Đơn vị phối hợp", limit: FreeText.Limit.line)
            .value(collecting: &issues) ?? ""
        let place = FreeText.clean(input.place, field: "place", label: "Địa điểm", limit: FreeText.Limit.name).value(collecting: &issues) ?? ""
        let starts = CivilDate(parsing: input.startsOn)
        let ends = input.endsOn.isEmpty ? starts : CivilDate(parsing: input.endsOn)
        if starts == nil { issues.append(ValidationIssue(field: "startsOn", message: "Ngày khai giảng \"\(FreeText.printable(String(input.startsOn.prefix(20))))\" không phải một ngày.")) }
        if ends == nil { issues.append(ValidationIssue(field: "endsOn", message: "Ngày bế giảng \"\(FreeText.printable(String(input.endsOn.prefix(20))))\" không phải một ngày.")) }
        if let starts, let ends, ends < starts {
            issues.append(ValidationIssue(field: "endsOn", message: "Ngày bế giảng \(ends.vietnamese) trước ngày khai giảng \(starts.vietnamese)."))
        }
        let form = input.form.isEmpty ? "in_person" : input.form
        if forms[form] == nil { issues.append(ValidationIssue(field: "form", message: "Hình thức \"\(FreeText.printable(String(form.prefix(30))))\" không có.")) }
        let topics = try await TrainingLists.topics(on: db).map(\.key)
        let categories = try await TrainingLists.categories(on: db).map(\.key)
        if input.topics.isEmpty { issues.append(ValidationIssue(field: "topics", message: "Chọn ít nhất một chủ đề.")) }
        for topic in input.topics where !topics.contains(topic) {
            issues.append(ValidationIssue(field: "topics", message: "Chủ đề \"\(FreeText.printable(String(topic.prefix(40))))\" không có trong danh mục."))
        }
        if input.audience.isEmpty { issues.append(ValidationIssue(field: "audience", message: "Chọn ít nhất một đối tượng học viên.")) }
        for category in input.audience where !categories.contains(category) {
            issues.append(ValidationIssue(field: "audience", message: "Đối tượng \"\(FreeText.printable(String(category.prefix(40))))\" không có trong danh mục."))
        }
        var seats: Int?
        if !input.seatsPerUnit.isEmpty {
            seats = Int(input.seatsPerUnit)
            if seats == nil || (seats ?? 0) < 1 {
                issues.append(ValidationIssue(field: "seatsPerUnit", message: "Số học viên mỗi đơn vị \"\(FreeText.printable(String(input.seatsPerUnit.prefix(10))))\" phải là số nguyên dương."))
            }
        }
        guard issues.isEmpty, let starts, let ends else { throw AppError.validation(ValidationFailure(issues)) }
        let seatsPerUnit = seats
        return try await db.writeTransaction { tx in
            let course = TrainingCourse()
            course.unitID = unit.requireID
            course.title = title
            course.coOrganisers = coOrganisers
            course.startsOn = starts.description
            course.endsOn = ends.description
            course.place = place
            course.form = form
            course.topics = topics.filter(input.topics.contains).joined(separator: ",")
            course.audience = categories.filter(input.audience.contains).joined(separator: ",")
            course.seatsPerUnit = seatsPerUnit
            course.version = 1
            course.createdBy = actor.displayName
            course.createdAt = Date()
            try await course.create(on: tx)
            try await AuditLog.record("course.create", entityType: "course", entityKey: "\(course.requireID)", unitID: unit.requireID, before: nil,
                                      after: ["title": title, "startsOn": starts.description, "endsOn": ends.description], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return course
        }
    }
}
