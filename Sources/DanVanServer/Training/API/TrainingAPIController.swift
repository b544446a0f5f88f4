import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/people, /api/people/import, /api/people/{id}/move, /api/training/courses[/{id}[/roster]], /api/training/summary.
struct TrainingAPIController {
    let limits: UploadLimits

    func register(_ api: any RoutesBuilder) {
        api.get("people", use: people)
        api.upload(.POST, ["people", "import"], limit: limits.singleFileBytes, use: importPeople)
        api.post("people", ":id", "move", use: move)
        api.get("training", "courses", use: courses)
        api.post("training", "courses", use: createCourse)
        api.get("training", "courses", ":id", use: course)
        api.put("training", "courses", ":id", "roster", use: roster)
        api.get("training", "summary", use: summary)
    }

    func people(req: Request) async throws -> [TrainingJSON.Person] {
        let unit = try await req.chosenUnit()
        return try await TrainingJSON.people(under: unit, on: req.db)
    }

    func importPeople(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        let data = Data(buffer: req.body.data ?? ByteBuffer())
        let outcome = try await PeopleImport.perform(data, filename: req.query[String.self, at: "filename"] ?? "", unitCode: unit.code, by: try req.actor, on: req.db)
        return try await TrainingJSON.Imported(added: outcome.added, updated: outcome.updated).encodeResponse(status: .created, for: req)
    }

    func move(req: Request) async throws -> TrainingJSON.Person {
        let input = (try? req.content.decode(PersonMoving.Input.self)) ?? PersonMoving.Input()
        let person = try await PersonMoving.perform(try req.routeID(), input, by: try req.actor, on: req.db)
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: req.db)
        guard let moved = try await TrainingJSON.people(under: unit, on: req.db).first(where: { $0.id == person.requireID }) else {
            throw AppError.internalError("Không đọc lại được người vừa chuyển.")
        }
        return moved
    }

    func courses(req: Request) async throws -> [TrainingJSON.Course] {
        let unit = try await req.chosenUnit()
        let year = req.query[Int.self, at: "year"] ?? req.today.year
        let courses = try await TrainingJSON.courses(under: unit, year: year, on: req.db)
        var answer: [TrainingJSON.Course] = []
        for course in courses { answer.append(try await TrainingJSON.course(course, on: req.db)) }
        return answer
    }

    func createCourse(req: Request) async throws -> Response {
        let input = (try? req.content.decode(CourseRecording.Input.self)) ?? CourseRecording.Input()
        let course = try await CourseRecording.create(input, by: try req.actor, on: req.db)
        return try await TrainingJSON.course(course, on: req.db).encodeResponse(status: .created, for: req)
    }

    func course(req: Request) async throws -> TrainingJSON.Course {
        let context = try await CourseContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return try await TrainingJSON.course(context.course, on: req.db)
    }

    struct RosterBody: Content {
        var version: Int?
        var lines: [RosterRecording.Line]?
    }

    func roster(req: Request) async throws -> TrainingJSON.Course {
        let body = try? req.content.decode(RosterBody.self)
        let course = try await RosterRecording.record(try req.routeID(), lines: body?.lines ?? [], mode: .replace, version: body?.version ?? -1,
                                                      by: try req.actor, on: req.db)
        return try await TrainingJSON.course(course, on: req.db)
    }

    func summary(req: Request) async throws -> TrainingJSON.Summary {
        let unit = try await req.chosenUnit()
        return TrainingJSON.Summary(try await TrainingSummary.load(rootID: unit.requireID, year: req.query[Int.self, at: "year"] ?? req.today.year, on: req.db))
    }
}
