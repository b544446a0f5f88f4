import DanVanCore
import Fluent
import Foundation
import Vapor

/// Training pages: the unit's year of training (its target share, per category, the courses),
/// the register of people and its import, a course with its roster.
struct TrainingPagesController {
    let limits: UploadLimits

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.training.pathComponents, use: overview)
        routes.get(SiteRoute.people.pathComponents, use: people)
        routes.upload(.POST, SiteRoute.peopleImport.pathComponents, limit: limits.singleFileBytes, use: importPeople)
        routes.post(SiteRoute.personMove(SiteRoute.anyID).pathComponents, use: movePerson)
        routes.get(SiteRoute.courseNew.pathComponents, use: newCourse)
        routes.post(SiteRoute.courseNew.pathComponents, use: createCourse)
        routes.get(SiteRoute.course(SiteRoute.anyID).pathComponents, use: course)
        routes.post(SiteRoute.courseRoster(SiteRoute.anyID).pathComponents, use: addToRoster)
    }

    func overview(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        let years = try await YearChoice.years(for: unit, today: req.today, on: req.db)
        let year = YearChoice.requested(req.query[String.self, at: "year"], within: years, today: req.today)
        let canManage = try await Authorizer.allows(try req.requireUser(), .manageTraining, on: unit, db: req.db)
        let page = try await TrainingOverviewPage.query(unit: unit, year: year, years: years, canManage: canManage, on: req.db)
        return try await req.renderPage("training", title: "Tập huấn · \(unit.name)", page,
                                        crumbs: [.init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Tập huấn", href: nil)])
    }

    func people(req: Request) async throws -> Response {
        try await renderPeople(req, unit: try await req.chosenUnit())
    }

    private func renderPeople(_ req: Request, unit: OrgUnit, notice: String? = nil, errors: FormErrors = .none, status: HTTPStatus = .ok) async throws -> Response {
        let canManage = try await Authorizer.allows(try req.requireUser(), .manageTraining, on: unit, db: req.db)
        let page = try await PeopleRegisterPage.query(unit: unit, canManage: canManage, notice: notice, errors: errors, today: req.today, on: req.db)
        return try await req.renderPage("people", title: "Danh sách cán bộ · \(unit.name)", page, status: status, crumbs: [
            .init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Tập huấn", href: SiteRoute.training.path + "?unit=\(unit.code)"),
            .init(label: "Danh sách cán bộ", href: nil)])
    }

    func movePerson(req: Request) async throws -> Response {
        let id = try req.routeID()
        guard let person = try await Person.find(id, on: req.db), let unit = try await OrgUnit.find(person.unitID, on: req.db) else {
            throw AppError.notFound("Không tìm thấy người #\(id) trong danh sách cán bộ.")
        }
        let input = (try? req.content.decode(PersonMoving.Input.self)) ?? PersonMoving.Input()
        do {
            let moved = try await PersonMoving.perform(id, input, by: try req.actor, on: req.db)
            let to = try await OrgUnit.find(moved.unitID, on: req.db)
            return try await renderPeople(req, unit: unit, notice: "Đã chuyển \(moved.fullName) sang \(to?.name ?? input.unitCode) từ ngày \(CivilDate(parsing: input.onDate)?.vietnamese ?? input.onDate).")
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            return try await renderPeople(req, unit: unit, errors: FormErrors(error), status: error.status)
        }
    }

    struct ImportForm: Content {
        var unitCode: String?
        var file: File?
    }

    func importPeople(req: Request) async throws -> Response {
        let form = try? req.content.decode(ImportForm.self)
        let unit = try await UnitQueries.require(code: form?.unitCode ?? "", field: "unitCode", on: req.db)
        try await req.authorize(.manageTraining, on: unit)
        do {
            guard let file = form?.file, file.data.readableBytes > 0 else { throw AppError.invalid("file", "Chọn tệp danh sách cán bộ (.xlsx hoặc .csv).") }
            let outcome = try await PeopleImport.perform(Data(buffer: file.data), filename: file.filename, unitCode: unit.code, by: try req.actor, on: req.db)
            return try await renderPeople(req, unit: unit, notice: "Đã thêm \(outcome.added) người, cập nhật \(outcome.updated) người.")
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderPeople(req, unit: unit, errors: FormErrors(error), status: error.status)
        }
    }

    func newCourse(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.manageTraining, on: unit)
        var input = CourseRecording.Input()
        input.unitCode = unit.code
        return try await renderCourseForm(req, unit: unit, input: input)
    }

    private func renderCourseForm(_ req: Request, unit: OrgUnit, input: CourseRecording.Input, errors: FormErrors = .none,
                                  status: HTTPStatus = .ok) async throws -> Response {
        let page = try await CourseFormPage.make(unit: unit, values: input, errors: errors, today: req.today, on: req.db)
        return try await req.renderPage("course-form", title: "Ghi lớp tập huấn", page, status: status, crumbs: [
            .init(label: unit.name, href: SiteRoute.unit(unit.code).path), .init(label: "Tập huấn", href: SiteRoute.training.path + "?unit=\(unit.code)"),
            .init(label: "Lớp mới", href: nil)])
    }

    struct CourseForm: Content {
        var unitCode: String?
        var title: String?
        var coOrganisers: String?
        var startsOn: String?
        var endsOn: String?
        var place: String?
        var form: String?
        var topics: [String]?
        var audience: [String]?
        var seatsPerUnit: String?
    }

    func createCourse(req: Request) async throws -> Response {
        let form = (try? req.content.decode(CourseForm.self)) ?? CourseForm()
        let unit = try await UnitQueries.require(code: form.unitCode ?? "", field: "unitCode", on: req.db)
        try await req.authorize(.manageTraining, on: unit)
        var input = CourseRecording.Input()
        input.unitCode = unit.code
        input.title = form.title ?? ""
        input.coOrganisers = form.coOrganisers ?? ""
        input.startsOn = form.startsOn ?? ""
        input.endsOn = form.endsOn ?? ""
        input.place = form.place ?? ""
        input.form = form.form ?? ""
        input.topics = form.topics ?? []
        input.audience = form.audience ?? []
        input.seatsPerUnit = form.seatsPerUnit ?? ""
        do {
            let course = try await CourseRecording.create(input, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.course(course.requireID).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderCourseForm(req, unit: unit, input: input, errors: FormErrors(error), status: error.status)
        }
    }

    func course(req: Request) async throws -> Response {
        let context = try await CourseContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return try await renderCourse(req, context, pickUnit: req.query[String.self, at: "from"])
    }

    private func renderCourse(_ req: Request, _ context: CourseContext, pickUnit: String?, notice: String? = nil, errors: FormErrors = .none,
                              status: HTTPStatus = .ok) async throws -> Response {
        let canManage = try await Authorizer.allows(try req.requireUser(), .manageTraining, on: context.unit, db: req.db)
        let page = try await CoursePage.query(context, canManage: canManage, pickUnit: pickUnit, notice: notice, errors: errors, on: req.db)
        return try await req.renderPage("course", title: context.course.title, page, status: status, crumbs: [
            .init(label: context.unit.name, href: SiteRoute.unit(context.unit.code).path),
            .init(label: "Tập huấn", href: SiteRoute.training.path + "?unit=\(context.unit.code)"), .init(label: context.course.title, href: nil)])
    }

    struct RosterForm: Content {
        var version: String?
        var from: String?
        var people: [String]?
        var days: [String: String]?
        var certificate: [String: String]?
    }

    /// The people ticked among a unit's register join the roster, each with the days they attended.
    func addToRoster(req: Request) async throws -> Response {
        let id = try req.routeID()
        let form = (try? req.content.decode(RosterForm.self)) ?? RosterForm()
        let lines = (form.people ?? []).compactMap(Int.init).map { person in
            RosterRecording.Line(personID: person, days: (form.days?[String(person)]).flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) },
                                 certificate: form.certificate?[String(person)] ?? "")
        }
        do {
            _ = try await RosterRecording.record(id, lines: lines, mode: .add, version: Int(form.version ?? "") ?? -1, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.course(id).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let context = try await CourseContext.visible(id, by: try req.requireUser(), on: req.db)
            return try await renderCourse(req, context, pickUnit: form.from, errors: FormErrors(error), status: error.status)
        }
    }
}
