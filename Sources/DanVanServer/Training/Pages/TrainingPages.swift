import DanVanCore
import Fluent
import SQLKit

/// A course with its organising unit. Who may see it: whoever may view the organiser.
struct CourseContext: Sendable {
    let course: TrainingCourse
    let unit: OrgUnit

    static func load(_ id: Int, on db: any Database) async throws -> CourseContext {
        guard let course = try await TrainingCourse.find(id, on: db) else { throw AppError.notFound("Không tìm thấy lớp tập huấn #\(id).") }
        guard let unit = try await OrgUnit.find(course.unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị tổ chức lớp.") }
        return CourseContext(course: course, unit: unit)
    }

    static func visible(_ id: Int, by holder: some AccessHolder, on db: any Database) async throws -> CourseContext {
        let context = try await load(id, on: db)
        guard try await Authorizer.allows(holder, .viewUnit, on: context.unit, db: db) else { throw AppError.forbidden }
        return context
    }
}

/// `/training`: the target's share of people trained this year, per category, each unit below,
/// and the courses the subtree organised.
struct TrainingOverviewPage: Encodable {
    struct ShareRow: Encodable {
        let label: String
        let href: String?
        let trained: Int
        let inScope: Int
        let percent: String
    }

    struct CourseRow: Encodable {
        let title: String
        let href: String
        let organiser: String
        let dates: String
        let attendances: Int
    }

    let unitName: String
    let unitCode: String
    let year: Int
    let yearChoice: YearChoice
    let canManage: Bool
    let target: ShareRow
    let courses: Int
    let attendances: Int
    let distinctTrained: Int
    let people: Int
    let categories: [ShareRow]
    let children: [ShareRow]
    let courseRows: [CourseRow]
    let newCourseHref: String
    let peopleHref: String

    static func row(_ label: String, href: String?, _ share: TrainedShare) -> ShareRow {
        ShareRow(label: label, href: href, trained: share.trained, inScope: share.inScope,
                 percent: share.inScope > 0 ? "\(Int((Double(share.trained) * 100 / Double(share.inScope)).rounded()))%" : "—")
    }

    private struct CourseListRow: Decodable {
        let id: Int
        let title: String
        let unit_name: String
        let starts_on: String
        let ends_on: String
        let attendances: Int
    }

    static func query(unit: OrgUnit, year: Int, years: ClosedRange<Int>, canManage: Bool, on db: any Database) async throws -> TrainingOverviewPage {
        let summary = try await TrainingSummary.load(rootID: unit.requireID, year: year, on: db)
        let children = try await UnitQueries.children(of: unit.requireID, on: db).sortedForDisplay()
        let shares = try await TrainingSummary.targetShareOfChildren(parentID: unit.requireID, year: year, on: db)
        let childRows = children.compactMap { child in
            shares[child.id ?? 0].flatMap { share in
                share.inScope > 0 ? row(child.name, href: SiteRoute.training.path + "?unit=\(child.code)&year=\(year)", share) : nil
            }
        }
        let courses = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT t.id AS id, t.title AS title, u.name AS unit_name, t.starts_on AS starts_on, t.ends_on AS ends_on,
                   CAST((SELECT COUNT(*) FROM course_attendances a WHERE a.course_id = t.id) AS BIGINT) AS attendances
            FROM training_courses t JOIN units u ON u.id = t.unit_id
            JOIN unit_closure c ON c.descendant_id = t.unit_id AND c.ancestor_id = \(bind: unit.requireID)
            WHERE t.starts_on >= \(bind: "\(year)-01-01") AND t.starts_on <= \(bind: "\(year)-12-31")
            ORDER BY t.starts_on, t.id LIMIT 200
            """).all(decoding: CourseListRow.self)
        return TrainingOverviewPage(
            unitName: unit.name, unitCode: unit.code, year: year,
            yearChoice: .make(action: SiteRoute.training.path, selected: year, years: years, keeping: ["unit": unit.code]), canManage: canManage,
            target: row("Cán bộ lãnh đạo, công chức phụ trách công tác dân vận", href: nil, summary.target),
            courses: summary.courses, attendances: summary.attendances, distinctTrained: summary.distinctTrained, people: summary.people,
            categories: summary.byCategory.filter { $0.share.inScope > 0 }.map { row($0.label, href: nil, $0.share) },
            children: childRows,
            courseRows: courses.map { course in
                let starts = CivilDate(parsing: course.starts_on), ends = CivilDate(parsing: course.ends_on)
                let dates = starts == ends ? starts?.vietnamese ?? "" : "\(starts?.vietnamese ?? "") – \(ends?.vietnamese ?? "")"
                return CourseRow(title: course.title, href: SiteRoute.course(course.id).path, organiser: course.unit_name, dates: dates,
                                 attendances: course.attendances)
            },
            newCourseHref: SiteRoute.courseNew.path + "?unit=\(unit.code)", peopleHref: SiteRoute.people.path + "?unit=\(unit.code)")
    }
}

/// `/people`: the unit's register of people and its import.
struct PeopleRegisterPage: Encodable {
    struct Row: Encodable {
        let id: Int
        let version: Int
        let moveAction: String
        let name: String
        let position: String
        let category: String
        let inCharge: Bool
        let active: String?
    }

    let unitName: String
    let unitCode: String
    let rows: [Row]
    let canManage: Bool
    let importAction: String
    let columns: String
    let notice: String?
    let errors: FormErrors

    static func query(unit: OrgUnit, canManage: Bool, notice: String?, errors: FormErrors, today: CivilDate, on db: any Database) async throws -> PeopleRegisterPage {
        let categories = Dictionary(uniqueKeysWithValues: try await TrainingLists.categories(on: db).map { ($0.key, $0.label) })
        let people = try await Person.query(on: db).filter(\.$unitID == unit.requireID).sort(\.$fullName).all()
        return PeopleRegisterPage(
            unitName: unit.name, unitCode: unit.code,
            rows: people.map { person in
                let from = person.activeFrom.flatMap(CivilDate.init(parsing:))?.vietnamese
                let to = person.activeTo.flatMap(CivilDate.init(parsing:))?.vietnamese
                return Row(id: person.requireID, version: person.version, moveAction: SiteRoute.personMove(person.requireID).path, name: person.fullName, position: person.position, category: categories[person.category] ?? person.category, inCharge: person.inCharge,
                           active: from == nil && to == nil ? nil : [from.map { "từ \($0)" }, to.map { "đến \($0)" }].compactMap { $0 }.joined(separator: " "))
            },
            canManage: canManage, importAction: SiteRoute.peopleImport.path, columns: PeopleImport.Column.allCases.map { "\"\($0.header)\"" }.joined(separator: ", "), notice: notice, errors: errors)
    }
}

/// The form to record a course: the lists of topics and audiences come from the database.
struct CourseFormPage: Encodable {
    let unitCode: String
    let unitName: String
    let values: CourseRecording.Input
    let topics: [SelectOption]
    let audience: [SelectOption]
    let forms: [SelectOption]
    let action: String
    let cancelHref: String
    let errors: FormErrors

    static func make(unit: OrgUnit, values: CourseRecording.Input, errors: FormErrors, today: CivilDate, on db: any Database) async throws -> CourseFormPage {
        CourseFormPage(
            unitCode: unit.code, unitName: unit.name, values: values,
            topics: try await TrainingLists.topics(on: db).map { SelectOption(value: $0.key, label: $0.label, selected: values.topics.contains($0.key)) },
            audience: try await TrainingLists.categories(on: db).map { SelectOption(value: $0.key, label: $0.label, selected: values.audience.contains($0.key)) },
            forms: CourseRecording.forms.sorted { $0.key > $1.key }.map { SelectOption(value: $0.key, label: $0.value, selected: $0.key == values.form) },
            action: SiteRoute.courseNew.path, cancelHref: SiteRoute.training.path + "?unit=\(unit.code)", errors: errors)
    }
}

/// `/training/courses/{id}`: a course, its roster, and for its organiser the people of a chosen
/// unit to tick onto the roster.
struct CoursePage: Encodable {
    struct Attendee: Encodable {
        let name: String
        let unitName: String
        let category: String
        let days: String
        let certificate: String?
    }

    struct Candidate: Encodable {
        let id: Int
        let name: String
        let position: String
    }

    let id: Int
    let version: Int
    let title: String
    let organiser: String
    let coOrganisers: String?
    let dates: String
    let length: Int
    let place: String?
    let form: String
    let topics: String
    let audience: String
    let seats: Int?
    let attendees: [Attendee]
    let canManage: Bool
    let unitChoices: [SelectOption]
    let candidates: [Candidate]
    let pickedUnit: String?
    let pickAction: String
    let rosterAction: String
    let notice: String?
    let errors: FormErrors

    private struct AttendeeRow: Decodable {
        let full_name: String
        let unit_name: String
        let category: String
        let days: Double
        let certificate: String?
    }

    static func query(_ context: CourseContext, canManage: Bool, pickUnit: String?, notice: String?, errors: FormErrors,
                      on db: any Database) async throws -> CoursePage {
        let course = context.course
        let categories = Dictionary(uniqueKeysWithValues: try await TrainingLists.categories(on: db).map { ($0.key, $0.label) })
        let topics = Dictionary(uniqueKeysWithValues: try await TrainingLists.topics(on: db).map { ($0.key, $0.label) })
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT p.full_name AS full_name, u.name AS unit_name, p.category AS category, a.days AS days, a.certificate AS certificate
            FROM course_attendances a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id
            WHERE a.course_id = \(bind: course.requireID) ORDER BY u.name, p.full_name
            """).all(decoding: AttendeeRow.self)
        var unitChoices: [SelectOption] = []
        var candidates: [Candidate] = []
        if canManage {
            let units = try await UnitClosure.sqlDatabase(db).raw("""
                SELECT DISTINCT u.code AS code, u.name AS name FROM units u JOIN unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = \(bind: course.unitID)
                WHERE EXISTS (SELECT 1 FROM people p WHERE p.unit_id = u.id) ORDER BY u.name
                """).all().map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "name", as: String.self)) }
            unitChoices = units.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == pickUnit) }
            if let pickUnit, let unit = try await UnitQueries.find(code: pickUnit, on: db), units.contains(where: { $0.0 == pickUnit }) {
                let enrolled = Set(try await CourseAttendance.query(on: db).filter(\.$courseID == course.requireID).all().map(\.personID))
                candidates = try await Person.query(on: db).filter(\.$unitID == unit.requireID).sort(\.$fullName).all()
                    .filter { !enrolled.contains($0.requireID) }.map { Candidate(id: $0.requireID, name: $0.fullName, position: $0.position) }
            }
        }
        let starts = course.starts, ends = course.ends
        return CoursePage(
            id: course.requireID, version: course.version, title: course.title, organiser: context.unit.name,
            coOrganisers: course.coOrganisers.isEmpty ? nil : course.coOrganisers,
            dates: starts == ends ? starts?.vietnamese ?? "" : "\(starts?.vietnamese ?? "") – \(ends?.vietnamese ?? "")", length: course.lengthInDays,
            place: course.place.isEmpty ? nil : course.place, form: CourseRecording.forms[course.form] ?? course.form,
            topics: course.topicKeys.map { topics[$0] ?? $0 }.joined(separator: "; "),
            audience: course.audienceKeys.map { categories[$0] ?? $0 }.joined(separator: "; "), seats: course.seatsPerUnit,
            attendees: rows.map { Attendee(name: $0.full_name, unitName: $0.unit_name, category: categories[$0.category] ?? $0.category,
                                           days: Threshold.format($0.days), certificate: $0.certificate) },
            canManage: canManage, unitChoices: unitChoices, candidates: candidates, pickedUnit: candidates.isEmpty ? nil : pickUnit,
            pickAction: SiteRoute.course(course.requireID).path, rosterAction: SiteRoute.courseRoster(course.requireID).path, notice: notice, errors: errors)
    }
}
