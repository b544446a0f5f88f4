import DanVanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Training as the API and the command line write it.
enum TrainingJSON {
    struct Person: Content {
        let id: Int
        let version: Int
        let unitCode: String
        let fullName: String
        let position: String
        let category: String
        let inCharge: Bool
        let activeFrom: String?
        let activeTo: String?
        let units: [UnitSpell]
    }

    /// One stretch of a person's history of units.
    struct UnitSpell: Content {
        let unitCode: String
        let from: String?
        let to: String?
    }

    struct Attendee: Content {
        let personID: Int
        let fullName: String
        let unitCode: String
        let days: Double
        let certificate: String?
    }

    struct Course: Content {
        let id: Int
        let version: Int
        let unitCode: String
        let title: String
        let coOrganisers: String
        let startsOn: String
        let endsOn: String
        let place: String
        let form: String
        let topics: [String]
        let audience: [String]
        let seatsPerUnit: Int?
        let roster: [Attendee]
    }

    struct Share: Content {
        let trained: Int
        let inScope: Int
    }

    struct Summary: Content {
        let year: Int
        let countingDate: String
        let courses: Int
        let attendances: Int
        let distinctTrained: Int
        let people: Int
        let byCategory: [String: Share]
        let target: Share

        init(_ summary: TrainingSummary) {
            year = summary.year
            countingDate = summary.countingDate.description
            courses = summary.courses
            attendances = summary.attendances
            distinctTrained = summary.distinctTrained
            people = summary.people
            byCategory = Dictionary(uniqueKeysWithValues: summary.byCategory.map { ($0.key, Share(trained: $0.share.trained, inScope: $0.share.inScope)) })
            target = Share(trained: summary.target.trained, inScope: summary.target.inScope)
        }
    }

    struct Imported: Content {
        let added: Int
        let updated: Int
    }

    private struct SpellRow: Decodable {
        let person_id: Int
        let code: String
        let from_on: String
        let to_on: String?
    }

    static func people(under unit: OrgUnit, on db: any Database) async throws -> [Person] {
        let sql = try UnitClosure.sqlDatabase(db)
        let units = try await sql.raw("""
            SELECT u.id AS id, u.code AS code FROM units u JOIN unit_closure c ON c.descendant_id = u.id AND c.ancestor_id = \(bind: unit.requireID)
            """).all().map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "code", as: String.self)) }
        let codes = Dictionary(uniqueKeysWithValues: units)
        let people = try await DanVanServer.Person.query(on: db).filter(\.$unitID ~~ Array(codes.keys)).sort(\.$unitID).sort(\.$fullName).all()
        guard !people.isEmpty else { return [] }
        let spells = try await sql.raw("""
            SELECT pu.person_id AS person_id, u.code AS code, pu.from_on AS from_on, pu.to_on AS to_on
            FROM person_units pu JOIN units u ON u.id = pu.unit_id
            JOIN people p ON p.id = pu.person_id JOIN unit_closure c ON c.descendant_id = p.unit_id AND c.ancestor_id = \(bind: unit.requireID)
            ORDER BY pu.person_id, pu.from_on
            """).all(decoding: SpellRow.self)
        let byPerson = Dictionary(grouping: spells, by: \.person_id)
        return people.map { person in
            Person(id: person.requireID, version: person.version, unitCode: codes[person.unitID] ?? "", fullName: person.fullName, position: person.position, category: person.category,
                   inCharge: person.inCharge, activeFrom: person.activeFrom, activeTo: person.activeTo,
                   units: (byPerson[person.requireID] ?? []).map { UnitSpell(unitCode: $0.code, from: $0.from_on == PeopleRegister.sinceBefore ? nil : $0.from_on, to: $0.to_on) })
        }
    }

    static func courses(under unit: OrgUnit, year: Int, on db: any Database) async throws -> [TrainingCourse] {
        let ids = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT t.id AS id FROM training_courses t JOIN unit_closure c ON c.descendant_id = t.unit_id AND c.ancestor_id = \(bind: unit.requireID)
            WHERE t.starts_on >= \(bind: "\(year)-01-01") AND t.starts_on <= \(bind: "\(year)-12-31") ORDER BY t.starts_on, t.id
            """).all().map { try $0.decode(column: "id", as: Int.self) }
        return ids.isEmpty ? [] : try await TrainingCourse.query(on: db).filter(\.$id ~~ ids).sort(\.$startsOn).sort(\.$id).all()
    }

    private struct AttendeeRow: Decodable {
        let person_id: Int
        let full_name: String
        let code: String
        let days: Double
        let certificate: String?
    }

    static func course(_ course: TrainingCourse, on db: any Database) async throws -> Course {
        let organiser = try await OrgUnit.find(course.unitID, on: db)
        let roster = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT a.person_id AS person_id, p.full_name AS full_name, u.code AS code, a.days AS days, a.certificate AS certificate
            FROM course_attendances a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id
            WHERE a.course_id = \(bind: course.requireID) ORDER BY u.code, p.full_name
            """).all(decoding: AttendeeRow.self)
        return Course(id: course.requireID, version: course.version, unitCode: organiser?.code ?? "", title: course.title, coOrganisers: course.coOrganisers,
                      startsOn: course.startsOn, endsOn: course.endsOn, place: course.place, form: course.form, topics: course.topicKeys,
                      audience: course.audienceKeys, seatsPerUnit: course.seatsPerUnit,
                      roster: roster.map { Attendee(personID: $0.person_id, fullName: $0.full_name, unitCode: $0.code, days: $0.days, certificate: $0.certificate) })
    }
}
