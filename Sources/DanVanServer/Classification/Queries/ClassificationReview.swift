import DanVanCore
import DanVanDocuments
import Fluent

/// The classification paragraph of a unit's review report for a year: the round it held and its
/// own published grade; nil when there is neither.
enum ClassificationReview {
    static func figures(unit: OrgUnit, year: Int, on db: any Database) async throws -> ReviewClassificationFigures? {
        var round: ReviewClassificationFigures.Round?
        if let held = try await ClassificationRound.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$year == year).first() {
            let table = try await RoundTable.load(held.requireID, on: db)
            let published = held.state == .published
            round = .init(sheets: table.lines.count, sent: table.lines.filter { $0.state != .draft && $0.state != .returned }.count, published: published,
                          decision: published ? held.decisionNumber.map { number in
                              "Quyết định số \(number)" + (held.decisionDate.flatMap(CivilDate.init(parsing:)).map { " ngày \($0.vietnamese)" } ?? "")
                          } : nil,
                          distribution: table.distribution.map { .init($0.label, $0.count) },
                          lastYear: table.distribution.map { .init($0.label, table.lastYear[$0.label] ?? 0) })
        }
        var own: String?
        for sheet in try await ClassificationSheet.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$stateRaw == SheetState.published.rawValue).all() {
            guard let graded = try await ClassificationRound.find(sheet.roundID, on: db), graded.year == year,
                  let above = try await OrgUnit.find(graded.unitID, on: db), let label = sheet.label else { continue }
            own = "\(label) (\(Points(hundredths: sheet.appraisedTotal ?? sheet.selfTotal)) điểm)"
                + (graded.decisionNumber.map { ", theo Quyết định số \($0) của \(above.officialBody.printedName)" } ?? "")
        }
        guard round != nil || own != nil else { return nil }
        return ReviewClassificationFigures(year: year, round: round, ownGrade: own)
    }
}
