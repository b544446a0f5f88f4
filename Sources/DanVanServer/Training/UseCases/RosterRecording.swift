import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLKit

/// A course's roster: who attended, for how many days, with which certificate. Entered from the
/// page (people of a unit ticked), sent whole through the API, or imported from the attendance
/// list; each line checked against the course (a person once, within the organiser's units, no
/// more days than the course lasted) and the roster written in one transaction, version-checked.
enum RosterRecording {
    struct Line: Codable, Sendable, Equatable {
        var personID: Int?
        var name = ""
        var unitCode = ""
        var days: Double?
        var certificate = ""

        init(personID: Int? = nil, name: String = "", unitCode: String = "", days: Double? = nil, certificate: String = "") {
            self.personID = personID
            self.name = name
            self.unitCode = unitCode
            self.days = days
            self.certificate = certificate
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            personID = (try? c.decodeIfPresent(Int.self, forKey: .personID)) ?? nil
            name = ((try? c.decodeIfPresent(String.self, forKey: .name)) ?? nil) ?? ""
            unitCode = ((try? c.decodeIfPresent(String.self, forKey: .unitCode)) ?? nil) ?? ""
            days = (try? c.decodeIfPresent(Double.self, forKey: .days)) ?? nil
            certificate = ((try? c.decodeIfPresent(String.self, forKey: .certificate)) ?? nil) ?? ""
        }
    }

    enum Mode: Sendable { case replace, add }

    static func record(_ courseID: Int, lines: [Line], mode: Mode, version: Int, by actor: Actor, on db: any Database) async throws -> TrainingCourse {
        guard let course = try await TrainingCourse.find(courseID, on: db) else { throw AppError.notFound("Không tìm thấy lớp tập huấn #\(courseID).") }
        guard let organiser = try await OrgUnit.find(course.unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị tổ chức lớp.") }
        try await Authorizer.require(actor, .manageTraining, on: organiser, db: db, message: "Bạn không được ghi danh sách học viên của lớp này.")
        guard version == course.version else {
            throw AppError(.conflict, "Danh sách học viên vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
        }
        let existing = mode == .add ? try await CourseAttendance.query(on: db).filter(\.$courseID == courseID).all() : []
        let checked = try await check(lines, course: course, existingPeople: existing.map(\.personID), on: db)
        return try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            let changed = try await sql.update(TrainingCourse.schema).set("version", to: SQLRaw("version + 1")).where("id", .equal, courseID)
                .where("version", .equal, version).returning("id").all()
            guard !changed.isEmpty else {
                throw AppError(.conflict, "Danh sách học viên vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
            }
            if mode == .replace { try await sql.delete(from: CourseAttendance.schema).where("course_id", .equal, courseID).run() }
            for line in checked {
                let attendance = CourseAttendance()
                attendance.courseID = courseID
                attendance.personID = line.personID
                attendance.days = line.days
                attendance.certificate = line.certificate.isEmpty ? nil : line.certificate
                try await attendance.create(on: tx)
            }
            try await AuditLog.record("course.roster", entityType: "course", entityKey: "\(courseID)", unitID: course.unitID,
                                      before: ["lines": "\(existing.count)"], after: ["added": "\(checked.count)", "mode": mode == .add ? "add" : "replace"],
                                      by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let fresh = try await TrainingCourse.find(courseID, on: tx) else { throw AppError.notFound("Không tìm thấy lớp tập huấn.") }
            return fresh
        }
    }

    struct Checked: Sendable {
        let personID: Int
        let days: Double
        let certificate: String
    }

    /// Each line's person found (by id, or by name at a unit), then the roster's rules checked.
    static func check(_ lines: [Line], course: TrainingCourse, existingPeople: [Int], on db: any Database) async throws -> [Checked] {
        guard !lines.isEmpty else { throw AppError.invalid("lines", "Danh sách học viên trống.") }
        let scope = Set(try await UnitClosure.sqlDatabase(db).select().column("descendant_id").from("unit_closure")
            .where("ancestor_id", .equal, course.unitID).all().map { try $0.decode(column: "descendant_id", as: Int.self) })
        var issues: [ValidationIssue] = []
        var roster: [RosterCheck.Line] = []
        var checked: [Checked] = []
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let person = try await find(line, on: db)
            let label = person?.fullName ?? (line.name.isEmpty ? "người #\(line.personID ?? 0)" : FreeText.printable(String(line.name.prefix(80))))
            let certificate = FreeText.clean(line.certificate, field: "lines", label: "Số chứng chỉ", limit: 80).value(collecting: &issues) ?? ""
            let days = line.days ?? Double(course.lengthInDays)
            if let person, existingPeople.contains(person.requireID) {
                issues.append(ValidationIssue(field: "lines", message: "Dòng \(number): \(label) đã có trong danh sách học viên của lớp.", line: number))
            }
            roster.append(RosterCheck.Line(line: number, personID: person?.requireID, personLabel: label, days: days,
                                           inScope: person.map { scope.contains($0.unitID) } ?? true))
            if let person { checked.append(Checked(personID: person.requireID, days: days, certificate: certificate)) }
        }
        let problems = RosterCheck.problems(roster, courseDays: course.lengthInDays)
        issues += problems.map { ValidationIssue(field: "lines", message: $0.message, line: $0.line) }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return checked
    }

    private static func find(_ line: Line, on db: any Database) async throws -> Person? {
        if let id = line.personID { return try await Person.find(id, on: db) }
        guard !line.name.isEmpty, let unit = try await UnitQueries.find(code: line.unitCode, on: db) else { return nil }
        let folded = VietnameseFolding.fold(line.name)
        return try await Person.query(on: db).filter(\.$unitID == unit.requireID).all().first { VietnameseFolding.fold($0.fullName) == folded }
    }
}
