import DanVanCore
import Fluent

/// One entry point for every report action, used by the page and the API alike: the unit's own
/// actions go to entering, the level above's to deciding; each asks its own authorization.
enum ReportActions {
    @discardableResult
    static func perform(_ actionName: String, unit: OrgUnit, form: ReportForm, input: ReportInput, reason: String,
                        today: CivilDate, by actor: Actor, on db: any Database) async throws -> Report {
        guard let action = ReportAction(rawValue: actionName) else {
            throw AppError.invalid("action", "Thao tác \"\(actionName)\" không có; chọn save, submit, return, approve hoặc reopen.")
        }
        if action.isEntry {
            return try await ReportEntering.enter(action, form: form, input: input, by: actor, today: today, on: db)
        }
        try await Authorizer.require(actor, .approveReport, on: unit, db: db,
                                     message: "Chỉ cấp trên của \(unit.name) mới được \(action.label.lowercased()) báo cáo này.")
        guard let report = try await ReportLookup.report(unitID: unit.requireID, period: form.period, on: db) else {
            throw AppError(.conflict, "\(unit.name) chưa có báo cáo \(form.period.label).", field: "action")
        }
        return try await ReportDeciding.decide(action, report: report, reason: reason, readVersion: input.version ?? -1, by: actor, on: db)
    }
}
