import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/oversight-boards[?unit=]: the boards under a unit, by kind, with the places still without one.
struct BoardsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("oversight-boards", use: list)
        api.post("oversight-boards", use: create)
    }

    func list(req: Request) async throws -> [BoardLine.Summary] {
        let unit = try await req.chosenUnit()
        return try await BoardLine.summaries(under: unit, on: req.today, db: req.db)
    }

    func create(req: Request) async throws -> Response {
        let input = (try? req.content.decode(BoardRecording.Input.self)) ?? BoardRecording.Input()
        let board = try await BoardRecording.create(input, by: try req.actor, on: req.db)
        let unit = try await OrgUnit.find(board.unitID, on: req.db)
        let line = BoardLine(unitCode: unit?.code ?? "", unitName: unit?.name ?? "", kind: board.kindRaw, kindLabel: board.kind.label, decision: board.decision,
                             term: board.termFrom + " – " + (board.termTo ?? ""), members: board.members.split(separator: "\n").map(String.init))
        return try await line.encodeResponse(status: .created, for: req)
    }
}
