import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/consultations[?unit=&year=], /api/consultations/{id}/publish.
struct ConsultationsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("consultations", use: list)
        api.post("consultations", use: create)
        api.post("consultations", ":id", "publish", use: publish)
    }

    func list(req: Request) async throws -> [ConsultationLine] {
        let unit = try await req.chosenUnit()
        return try await ConsultationLine.lines(under: unit, year: req.query[Int.self, at: "year"], canManage: false, on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let input = (try? req.content.decode(ConsultationRecording.Input.self)) ?? ConsultationRecording.Input()
        let record = try await ConsultationRecording.create(input, today: req.today, by: try req.actor, on: req.db)
        return try await line(record, on: req.db).encodeResponse(status: .created, for: req)
    }

    struct PublishBody: Content {
        var onDate: String?
        var version: Int?
    }

    func publish(req: Request) async throws -> ConsultationLine {
        let body = (try? req.content.decode(PublishBody.self)) ?? PublishBody()
        let record = try await ConsultationRecording.publish(try req.routeID(), onDate: body.onDate ?? "", version: body.version ?? -1, today: req.today,
                                                             by: try req.actor, on: req.db)
        return try await line(record, on: req.db)
    }

    private func line(_ record: Consultation, on db: any Database) async throws -> ConsultationLine {
        let codes = try await UnitQueries.codes(for: [record.unitID], on: db)
        let village = try await record.villageID.asyncMap { try await OrgUnit.find($0, on: db)?.name } ?? nil
        return ConsultationLine.line(record, rule: try await ConsultationRules.inForce(for: record.unitID, on: record.starts, db: db),
                                     unitCode: codes[record.unitID] ?? "", village: village, canManage: false)
    }
}

extension ConsultationLine: Content {}
