import DanVanCore
import Fluent

/// The notices of the level above's decisions on a "Dân vận khéo" model, to the unit's people:
/// a return with its reason, a recognition with its level and decision. Called inside the
/// decision's transaction.
enum ModelNotices {
    static func decided(_ decision: ModelDecision, _ model: MovementModel, by actor: Actor, on tx: any Database) async throws {
        let kind: NotificationKind
        let reason: String
        switch decision {
        case .returnToUnit:
            kind = .modelReturned
            reason = model.reason ?? ""
        case .recognise, .recogniseExemplary:
            kind = .modelRecognised
            reason = [model.modelStatus.label, model.recognitionLevel?.firstLetterLowercased, model.decisionNumber.map { "quyết định số \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
        default: return
        }
        guard let unit = try await OrgUnit.find(model.unitID, on: tx) else { return }
        let event = NotificationEvent(kind, unitID: unit.requireID,
                                      facts: [.unit(unit.name), .model(model.name), .reason(reason),
                                              .person(official: actor.userID == nil ? "" : actor.displayName)],
                                      link: SiteRoute.model(model.requireID).path, key: "\(kind.rawValue):\(model.requireID):\(model.version)")
        try await NotificationWriter.notify(event, to: .unitStaff(unit.requireID), on: tx)
    }
}
