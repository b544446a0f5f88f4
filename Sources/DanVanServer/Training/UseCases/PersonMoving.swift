import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A person moves to another unit and keeps one identity: the stretch in the old unit ends the
/// day before, a new one begins on the day of the move, and their attendances go with them; the
/// targets count them where they are on the counting date. Both units must be in the mover's
/// scope (in practice the level above both); version-checked; one transaction.
enum PersonMoving {
    struct Input: Codable, Sendable, Equatable {
        var unitCode = ""
        var onDate = ""
        var version = -1

        init(unitCode: String = "", onDate: String = "", version: Int = -1) {
            (self.unitCode, self.onDate, self.version) = (unitCode, onDate, version)
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            (unitCode, onDate) = (text(.unitCode), text(.onDate))
            version = ((try? c.decodeIfPresent(Int.self, forKey: .version)) ?? nil) ?? Int(text(.version)) ?? -1
        }
    }

    static func perform(_ personID: Int, _ input: Input, by actor: Actor, on db: any Database) async throws -> Person {
        guard let person = try await Person.find(personID, on: db), let from = try await OrgUnit.find(person.unitID, on: db) else {
            throw AppError.notFound("Không tìm thấy người #\(personID) trong danh sách cán bộ.")
        }
        try await Authorizer.require(actor, .manageTraining, on: from, db: db, message: "Bạn không quản lý danh sách cán bộ của \(from.name).")
        let to = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .manageTraining, on: to, db: db, message: "Bạn không quản lý danh sách cán bộ của \(to.name).")
        guard input.version == person.version else {
            throw AppError(.conflict, "Thông tin của \(person.fullName) vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
        }
        let sql = try UnitClosure.sqlDatabase(db)
        let since = try await sql.raw("""
            SELECT from_on FROM person_units WHERE person_id = \(bind: personID) AND to_on IS NULL ORDER BY from_on DESC LIMIT 1
            """).first()?.decode(column: "from_on", as: String.self)
        var issues: [ValidationIssue] = []
        if to.requireID == from.requireID { issues.append(ValidationIssue(field: "unitCode", message: "\(person.fullName) đang ở \(from.name).")) }
        let day = CivilDate(parsing: input.onDate)
        if let day {
            if let since = since.flatMap(CivilDate.init(parsing:)), day <= since {
                issues.append(ValidationIssue(field: "onDate", message: "Ngày chuyển \(day.vietnamese) phải sau ngày \(person.fullName) về \(from.name) (\(since.vietnamese))."))
            }
        } else {
            issues.append(ValidationIssue(field: "onDate", message: "Ngày chuyển \"\(FreeText.printable(String(input.onDate.prefix(20))))\" không phải một ngày."))
        }
        guard issues.isEmpty, let day else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            let changed = try await sql.update(Person.schema).set("unit_id", to: to.requireID).set("version", to: SQLRaw("version + 1"))
                .where("id", .equal, personID).where("version", .equal, input.version).returning("id").all()
            guard !changed.isEmpty else {
                throw AppError(.conflict, "Thông tin của \(person.fullName) vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
            }
            try await sql.update("person_units").set("to_on", to: day.adding(days: -1).description)
                .where("person_id", .equal, personID).where("to_on", .is, SQLLiteral.null).run()
            try await sql.insert(into: "person_units").columns("person_id", "unit_id", "from_on", "to_on")
                .values(SQLBind(personID), SQLBind(to.requireID), SQLBind(day.description), SQLLiteral.null).run()
            try await AuditLog.record("person.move", entityType: "person", entityKey: "\(personID)", unitID: to.requireID,
                                      before: ["unit": from.code], after: ["unit": to.code, "from": day.description], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let fresh = try await Person.find(personID, on: tx) else { throw AppError.notFound("Không tìm thấy người #\(personID).") }
            return fresh
        }
    }
}
