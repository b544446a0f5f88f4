/// The one place that decides who may do what where. Callers work out the relation
/// (from the closure table) and ask; nothing else grants access.
public enum AccessPolicy {
    public static func allows(_ role: Role, _ action: AccessAction, on relation: UnitRelation) -> Bool {
        if action == .viewPlans, role != .admin {
            return relation != .unrelated
        }
        switch role {
        case .admin:
            return true
        case .manager:
            return managerAllows(action, on: relation)
        case .reporter:
            return reporterAllows(action, on: relation)
        case .viewer:
            return action == .viewUnit && (relation == .own || relation == .descendant)
        }
    }

    private static func managerAllows(_ action: AccessAction, on relation: UnitRelation) -> Bool {
        switch relation {
        case .descendant:
            // Issuing is the unit's own act; naming who may read a denouncer's identity is too.
            return action != .issuePlans && action != .nameHandlers
        case .own:
            // Moving, ending, approving or chasing one's own unit is the level above's doing.
            return ![.moveUnit, .endUnit, .approveReport, .chaseTask, .decideModel, .appraiseSheet].contains(action)
        case .ancestor, .unrelated:
            return false
        }
    }

    private static func reporterAllows(_ action: AccessAction, on relation: UnitRelation) -> Bool {
        switch (action, relation) {
        case (.viewUnit, .own), (.viewUnit, .descendant), (.enterReport, .own), (.updateTask, .own), (.registerModel, .own), (.scoreSheet, .own),
             (.handleCitizens, .own), (.manageTraining, .own), (.publishToPeople, .own):
            return true
        default:
            return false
        }
    }
}
