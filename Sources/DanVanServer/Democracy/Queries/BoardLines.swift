import DanVanCore
import Fluent
import Foundation
import Vapor

/// The boards under a unit as the register page and the API show them, with the places that
/// still have none.
struct BoardLine: Content, Sendable {
    let unitCode: String
    let unitName: String
    let kind: String
    let kindLabel: String
    let decision: String?
    let term: String?
    let members: [String]

    struct Summary: Content, Sendable {
        let kind: String
        let label: String
        let places: Int
        let withBoard: Int
        let lines: [BoardLine]
    }

    static func summaries(under unit: OrgUnit, on day: CivilDate, db: any Database) async throws -> [Summary] {
        var answer: [Summary] = []
        for kind in OversightBoardKind.allCases {
            let places = try await BoardCoverage.places(under: unit, kind: kind, on: day, db: db)
            guard !places.isEmpty else { continue }
            // A commune sees each of its places; a level above, only the places still without a board, at most 200.
            let commune = PublicationDuty.applies(kind: unit.unitKind, level: unit.unitLevel)
            let shown = commune ? places : Array(places.filter { $0.board == nil }.prefix(200))
            let lines = shown.map { place in
                BoardLine(unitCode: place.unit.code, unitName: place.unit.name, kind: kind.rawValue, kindLabel: kind.label, decision: place.board?.decision,
                          term: place.board.map { board in
                              (CivilDate(parsing: board.termFrom)?.vietnamese ?? board.termFrom) + " – " + (board.termTo.flatMap(CivilDate.init(parsing:))?.vietnamese ?? "…")
                          },
                          members: place.board?.members.split(separator: "\n").map(String.init) ?? [])
            }
            answer.append(Summary(kind: kind.rawValue, label: kind.label, places: places.count, withBoard: places.filter { $0.board != nil }.count, lines: lines))
        }
        return answer
    }
}
