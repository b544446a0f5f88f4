/// Everything a user may try to do to or within a unit. Every route maps to one of these.
public enum AccessAction: String, CaseIterable, Sendable {
    case viewUnit
    case editUnit
    case createChildUnit
    case moveUnit
    case endUnit
    case viewUsers
    case manageUsers
    case viewAudit
    case enterReport
    case approveReport
    /// Read a unit's plans. Upper units' plans are sent down to implement, so ancestors may be read.
    case viewPlans
    /// Import, create or change a unit's plans.
    case editPlans
    /// Issue a unit's draft plan: the unit itself does, not the units above.
    case issuePlans
    /// Post progress (state, words, evidence) on a task the unit leads.
    case updateTask
    /// Remind a unit below of a task it leads ("đôn đốc").
    case chaseTask
    /// Register, change, follow and carry over a unit's "Dân vận khéo" models.
    case registerModel
    /// Return, accept, evaluate and recognise a unit's models: the level above's doing.
    case decideModel
    /// Launch a year's "Dân vận khéo" campaign for a unit's subtree.
    case launchCampaign
    /// Score a unit's own classification sheet, attach evidence, send it up.
    case scoreSheet
    /// Appraise, return, exclude and reopen a unit's classification sheet: the level above's doing.
    case appraiseSheet
    /// Open a classification round for a unit's subtree, publish it, keep its criteria sets.
    case openRound
    /// Receive citizens' matters, record reception days and dialogues, act on the unit's cases.
    case handleCitizens
    /// Name who handles a case and so who may read a sealed identity: the competent unit's own managers only.
    case nameHandlers
    /// Keep the unit's register of people, record its training courses and their rosters.
    case manageTraining
    /// Record the unit's inspections and supervisions of units below (or of itself), conclude them,
    /// and accept or close what the inspected units report on their requirements.
    case inspect
    /// Record what the unit publishes to its people, and follow what it still owes.
    case publishToPeople
}
