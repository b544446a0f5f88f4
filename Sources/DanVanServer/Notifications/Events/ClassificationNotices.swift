import DanVanCore
import Fluent

/// The notices of classification, to the graded unit's people: its sheet returned with the
/// reason, and its grade once the level above publishes the round. Called inside the action's
/// transaction.
enum ClassificationNotices {
    static func returned(_ context: SheetContext, reason: String, by actor: Actor, on tx: any Database) async throws {
        let event = NotificationEvent(.sheetReturned, unitID: context.unit.requireID,
                                      facts: [.unit(context.unit.name), .period("năm \(context.round.year)"), .reason(reason),
                                              .person(official: actor.userID == nil ? "" : actor.displayName)],
                                      link: SiteRoute.classificationSheet(context.sheet.requireID).path,
                                      key: "\(NotificationKind.sheetReturned.rawValue):\(context.sheet.requireID):\(context.sheet.version)")
        try await NotificationWriter.notify(event, to: .unitStaff(context.unit.requireID), on: tx)
    }

    static func published(_ round: ClassificationRound, decision: String, by actor: Actor, on tx: any Database) async throws {
        let sheets = try await ClassificationSheet.query(on: tx).filter(\.$roundID == round.requireID).all()
        let units = try await OrgUnit.query(on: tx).filter(\.$id ~~ sheets.map(\.unitID)).all()
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.name) })
        for sheet in sheets {
            let grade = (sheet.label ?? "") + (sheet.gated ? "" : " (\(Points(hundredths: sheet.appraisedTotal ?? sheet.selfTotal)) điểm)")
            let event = NotificationEvent(.gradePublished, unitID: sheet.unitID,
                                          facts: [.unit(names[sheet.unitID] ?? ""), .period("năm \(round.year)"), .reason(grade), .plan(decision),
                                                  .person(official: actor.userID == nil ? "" : actor.displayName)],
                                          link: SiteRoute.classificationSheet(sheet.requireID).path,
                                          key: "\(NotificationKind.gradePublished.rawValue):\(sheet.requireID):\(round.version)")
            try await NotificationWriter.notify(event, to: .unitStaff(sheet.unitID), on: tx)
        }
    }
}
