import DanVanCore
import Fluent

/// One entry point for every report action, used by the page and the API alike: the unit's own
/// actions go to entering, the level above's to deciding; each asks its own authorization.
enum ReportActions {
    @discardableResult
    static func perform(_ actionName: String, unit: OrgUnit, form: ReportForm, input: ReportInput, reason: String,
                        today: CivilDate, by actor: Actor, on db: any Database) async throws -> Report {
        let action = try await authorize(actionName, on: unit, by: actor, on: db)
        if action.isEntry {
            return try await ReportEntering.enter(action, form: form, input: input, by: actor, today: today, on: db)
        }
        guard let report = try await ReportLookup.report(unitID: unit.requireID, period: form.period, on: db) else {
            throw AppError(.conflict, "\(unit.name) chưa có báo cáo \(form.period.label).", field: "action")
        }
        return try await ReportDeciding.decide(action, report: report, reason: reason, readVersion: input.version ?? -1, by: actor, on: db)
    }

    /// The action named, if the actor has the right it needs on the unit: `enterReport` for the
    /// unit's own, `approveReport` for the level above's. Handlers ask this before they load the
    /// form, so a refusal never depends on what the form holds.
    @discardableResult
    static func authorize(_ actionName: String, on unit: OrgUnit, by actor: Actor, on db: any Database) async throws -> ReportAction {
        guard let action = ReportAction(rawValue: actionName) else {
            throw AppError.invalid("action", "Thao tác \"\(actionName)\" không có; chọn save, submit, return, approve hoặc reopen.")
        }
        if action.isEntry {
            try await Authorizer.require(actor, .enterReport, on: unit, db: db)
        } else {
            try await Authorizer.require(actor, .approveReport, on: unit, db: db,
                                         message: "Chỉ cấp trên của đơn vị mới được \(action.label.lowercased()) báo cáo này.")
        }
        return action
    }
}
