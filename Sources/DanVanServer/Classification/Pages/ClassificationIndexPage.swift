import DanVanCore
import Fluent

/// /classification: for a unit, the rounds it opened over the units below it, and its own
/// grades over the years (each sheet it was given by the level above).
struct ClassificationIndexPage: Encodable {
    struct RoundLine: Encodable {
        let href: String
        let title: String
        let year: Int
        let stateLabel: String
        let sheets: Int
        let waiting: Int
        let decision: String?
    }

    struct SheetLine: Encodable {
        let href: String
        let year: Int
        let roundUnit: String
        let stateLabel: String
        let state: String
        let selfTotal: String
        let appraisedTotal: String?
        let label: String?
        let gated: Bool
    }

    let unitName: String
    let rounds: [RoundLine]
    let sheets: [SheetLine]
    let canOpen: Bool
    let newRoundHref: String
    let setsHref: String

    static func query(unit: OrgUnit, canOpen: Bool, on db: any Database) async throws -> ClassificationIndexPage {
        let rounds = try await ClassificationRound.query(on: db).filter(\.$unitID == unit.requireID).sort(\.$year, .descending).all()
        var roundLines: [RoundLine] = []
        for round in rounds {
            let sheets = try await ClassificationSheet.query(on: db).filter(\.$roundID == round.requireID).all()
            roundLines.append(RoundLine(href: SiteRoute.classificationRound(round.requireID).path, title: round.title, year: round.year,
                                        stateLabel: round.state.label, sheets: sheets.count,
                                        waiting: sheets.filter { $0.state == .submitted }.count,
                                        decision: round.decisionNumber.map { "Quyết định số \($0)" }))
        }
        let own = try await ClassificationSheet.query(on: db).filter(\.$unitID == unit.requireID).all()
        var sheetLines: [SheetLine] = []
        for sheet in own {
            guard let round = try await ClassificationRound.find(sheet.roundID, on: db), let above = try await OrgUnit.find(round.unitID, on: db) else { continue }
            let published = sheet.state == .published || sheet.state == .appraised
            sheetLines.append(SheetLine(href: SiteRoute.classificationSheet(sheet.requireID).path, year: round.year, roundUnit: above.name,
                                        stateLabel: sheet.state.label, state: sheet.state.rawValue, selfTotal: Points(hundredths: sheet.selfTotal).description,
                                        appraisedTotal: published ? sheet.appraisedTotal.map { Points(hundredths: $0).description } : nil,
                                        label: sheet.state == .published ? sheet.label : nil, gated: sheet.gated && sheet.state == .published))
        }
        return ClassificationIndexPage(unitName: unit.name, rounds: roundLines, sheets: sheetLines.sorted { $0.year > $1.year }, canOpen: canOpen,
                                       newRoundHref: SiteRoute.classificationRoundNew.path + "?unit=\(unit.code)",
                                       setsHref: SiteRoute.criteriaSets.path + "?unit=\(unit.code)")
    }
}
