import DanVanCore
import Fluent

/// One entry point for every report action, used by the page and the API alike: the access
/// check for the action, then entering or deciding.
enum ReportActions {
    @discardableResult
    static func perform(_ actionName: String, unit: OrgUnit, form: ReportForm, input: ReportInput, reason: String,
                        by user: User, on db: any Database) async throws -> Report {
        guard let action = ReportAction(rawValue: actionName) else {
            throw AppError.invalid("action", "Thao tác \"\(actionName)\" không có; chọn save, submit, return, approve hoặc reopen.")
        }
        switch action {
        case .save, .submit:
            guard try await Authorizer.allows(user, .enterReport, on: unit, db: db) else { throw AppError.forbidden }
            return try await ReportEntering.enter(action, form: form, input: input, by: user, today: Today.date, on: db)
        case .returnToUnit, .approve, .reopen:
            guard try await Authorizer.allows(user, .approveReport, on: unit, db: db) else {
                throw AppError(.forbidden, "Chỉ cấp trên của \(unit.name) mới được \(action.label.lowercased()) báo cáo này.")
            }
            guard let report = try await ReportLookup.report(unitID: unit.requireID, period: form.period, on: db) else {
                throw AppError(.conflict, "\(unit.name) chưa có báo cáo \(form.period.label).", field: "action")
            }
            return try await ReportDeciding.decide(action, report: report, reason: reason, readVersion: input.version ?? -1, by: user, on: db)
        }
    }
}
