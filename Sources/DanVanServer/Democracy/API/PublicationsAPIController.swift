import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/publications[?unit=&status=], /api/publications/due?unit=&date=, /api/publications/{id}/end.
struct PublicationsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("publications", use: list)
        api.post("publications", use: create)
        api.get("publications", "due", use: due)
        api.post("publications", ":id", "end", use: end)
    }

    func list(req: Request) async throws -> [PublicationJSON.Item] {
        let unit = try await req.chosenUnit()
        let status = try PublicationJSON.status(req.query[String.self, at: "status"])
        return try await PublicationJSON.items(under: unit, status: status, on: req.today, db: req.db)
    }

    func create(req: Request) async throws -> Response {
        let input = (try? req.content.decode(PublicationRecording.Input.self)) ?? PublicationRecording.Input()
        let publication = try await PublicationRecording.create(input, by: try req.actor, on: req.db)
        let rules = try await PublicationRules.binding(publication.unitID, on: req.db)
        return try await PublicationJSON.item(publication, rules: rules, unitCode: input.unitCode, today: req.today)
            .encodeResponse(status: .created, for: req)
    }

    func due(req: Request) async throws -> PublicationJSON.Due {
        let unit = try await req.chosenUnit()
        let text = req.query[String.self, at: "date"] ?? ""
        guard let date = text.isEmpty ? req.today : CivilDate(parsing: text) else {
            throw AppError(.unprocessableEntity, "Ngày \"\(FreeText.printable(String(text.prefix(20))))\" không phải một ngày (YYYY-MM-DD).", field: "date")
        }
        return try await PublicationJSON.due(of: unit, on: date, db: req.db)
    }

    struct EndBody: Content {
        var onDate: String?
        var version: Int?
    }

    func end(req: Request) async throws -> PublicationJSON.Item {
        let body = (try? req.content.decode(EndBody.self)) ?? EndBody()
        let publication = try await PublicationRecording.end(try req.routeID(), onDate: body.onDate ?? "", version: body.version ?? -1,
                                                             today: req.today, by: try req.actor, on: req.db)
        let codes = try await UnitQueries.codes(for: [publication.unitID], on: req.db)
        return PublicationJSON.item(publication, rules: try await PublicationRules.binding(publication.unitID, on: req.db),
                                    unitCode: codes[publication.unitID] ?? "", today: req.today)
    }
}
