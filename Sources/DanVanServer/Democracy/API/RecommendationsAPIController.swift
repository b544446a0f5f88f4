import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/board-recommendations[?unit=], /api/board-recommendations/{id}/actions.
struct RecommendationsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("board-recommendations", use: list)
        api.post("board-recommendations", use: create)
        api.post("board-recommendations", ":id", "actions", use: act)
    }

    func list(req: Request) async throws -> [RecommendationLine] {
        let unit = try await req.chosenUnit()
        return try await RecommendationLine.lines(under: unit, today: req.today, for: try req.actor, on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let input = (try? req.content.decode(RecommendationActing.NewInput.self)) ?? RecommendationActing.NewInput()
        let record = try await RecommendationActing.create(input, today: req.today, by: try req.actor, on: req.db)
        return try await line(record, req).encodeResponse(status: .created, for: req)
    }

    struct StepBody: Content {
        var action: String?
        var text: String?
        var onDate: String?
        var version: Int?
    }

    func act(req: Request) async throws -> RecommendationLine {
        let body = (try? req.content.decode(StepBody.self)) ?? StepBody()
        let record = try await RecommendationActing.perform(try req.routeID(), action: body.action ?? "", text: body.text ?? "", onDate: body.onDate ?? "",
                                                           version: body.version ?? -1, today: req.today, by: try req.actor, on: req.db)
        return try await line(record, req)
    }

    private func line(_ record: BoardRecommendation, _ req: Request) async throws -> RecommendationLine {
        guard let unit = try await OrgUnit.find(record.unitID, on: req.db),
              let line = try await RecommendationLine.lines(under: unit, today: req.today, for: try req.actor, on: req.db).first(where: { $0.id == record.requireID })
        else { throw AppError.internalError("Không đọc lại được kiến nghị vừa ghi.") }
        return line
    }
}
