import DanVanCore
import Fluent
import Foundation
import Vapor

/// A board's recommendation as the register page and the API show it, with the steps the reader may take.
struct RecommendationLine: Content, Sendable {
    let id: Int
    let version: Int
    let board: String
    let unitCode: String
    let unitName: String
    let text: String
    let madeOn: String
    let dueOn: String
    let state: String
    let stateLabel: String
    let timeliness: String?
    let late: Bool
    let answer: String?
    let closeReason: String?
    let actions: [SelectOption]
    let actionHref: String

    /// Recommendations of the boards under the unit, and those addressed to the unit or below it.
    static func lines(under root: OrgUnit, today: CivilDate, for actor: Actor?, on db: any Database) async throws -> [RecommendationLine] {
        let ids = try await UnitQueries.subtree(of: [root.requireID], maxDepth: 2, on: db).map(\.requireID)
        let boards = try await OversightBoard.query(on: db).filter(\.$unitID ~~ ids).all()
        let boardIDs = boards.map(\.requireID)
        let records = try await BoardRecommendation.query(on: db).group(.or) { group in
            group.filter(\.$unitID ~~ ids)
            if !boardIDs.isEmpty { group.filter(\.$boardID ~~ boardIDs) }
        }.sort(\.$dueOn).limit(200).all()
        guard !records.isEmpty else { return [] }
        let allBoards = try await OversightBoard.query(on: db).filter(\.$id ~~ Set(records.map(\.boardID))).all()
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ Set(records.map(\.unitID) + allBoards.map(\.unitID))).all()
        let unitByID = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0) })
        let boardByID = Dictionary(uniqueKeysWithValues: allBoards.map { ($0.requireID, $0) })
        // Who may act where, asked once per unit rather than once per line.
        var communes: [Int: OrgUnit] = [:], allowed: [Int: Bool] = [:]
        func mayAct(_ unit: OrgUnit) async throws -> Bool {
            if let known = allowed[unit.requireID] { return known }
            let answer = try await actor.asyncMap { try await Authorizer.allows($0, .publishToPeople, on: unit, db: db) } ?? false
            allowed[unit.requireID] = answer
            return answer
        }
        var lines: [RecommendationLine] = []
        for record in records {
            let board = boardByID[record.boardID]
            let addressed = unitByID[record.unitID]
            var actions: [SelectOption] = []
            if actor != nil, let board, let addressed {
                if communes[board.requireID] == nil { communes[board.requireID] = try await board.commune(on: db) }
                let answers = try await mayAct(addressed)
                let decides = try await communes[board.requireID].asyncMap { try await mayAct($0) } ?? false
                for action in RequirementAction.allCases where action.next(from: record.state) != nil && (action.byInspectedUnit ? answers : decides) {
                    actions.append(SelectOption(value: action.rawValue, label: label(action), selected: false))
                }
            }
            let timeliness = record.timeliness(today: today)
            lines.append(RecommendationLine(
                id: record.requireID, version: record.version,
                board: (board?.kind.label ?? "") + (board.flatMap { unitByID[$0.unitID]?.name }.map { " · \($0)" } ?? ""),
                unitCode: addressed?.code ?? "", unitName: addressed?.name ?? "", text: record.text,
                madeOn: CivilDate(parsing: record.madeOn)?.vietnamese ?? record.madeOn, dueOn: record.due?.vietnamese ?? record.dueOn,
                state: record.stateRaw, stateLabel: stateLabel(record.state), timeliness: timeliness?.label,
                late: timeliness == .overdue || timeliness == .late, answer: record.answer, closeReason: record.closeReason,
                actions: actions, actionHref: SiteRoute.recommendationAction(record.requireID).path))
        }
        return lines
    }

    static func label(_ action: RequirementAction) -> String {
        switch action {
        case .report: "Trả lời kiến nghị"
        case .accept: "Xác nhận đã giải quyết"
        case .giveBack: "Trả lại, yêu cầu giải quyết tiếp"
        case .close: "Đóng kiến nghị (ghi lý do)"
        }
    }

    static func stateLabel(_ state: RequirementState) -> String {
        switch state {
        case .open: "Chờ trả lời"
        case .reported: "Đã trả lời, chờ xác nhận"
        case .accepted: "Đã giải quyết"
        case .closed: "Đã đóng (có lý do)"
        }
    }
}
