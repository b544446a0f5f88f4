import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A unit saving or submitting its report: the actor enters reports for the unit, every figure
/// is checked, `ReportWorkflow` says whether the period is open and the submission late, and the
/// report and its figures are written in one transaction that names the version it read, so
/// two browsers submitting at once leave exactly one submission.
enum ReportEntering {
    static func enter(_ action: ReportAction, form: ReportForm, input: ReportInput, by actor: Actor,
                      today: CivilDate, on db: any Database) async throws -> Report {
        try await db.writeTransaction { tx in try await apply(action, form: form, input: input, by: actor, today: today, on: tx) }
    }

    /// The whole of `enter` inside the caller's transaction, so that a CSV file of many
    /// reports is stored all together or not at all.
    static func apply(_ action: ReportAction, form: ReportForm, input: ReportInput, by actor: Actor,
                      today: CivilDate, on tx: any Database) async throws -> Report {
        precondition(action.isEntry)
        try await Authorizer.require(actor, .enterReport, onUnitID: form.unitID, db: tx)
        let existing = try await ReportLookup.report(unitID: form.unitID, period: form.period, on: tx)
        try checkVersion(existing, input: input)
        let (next, late) = try ReportWorkflow.enter(action, from: existing?.state ?? .draft, reopened: existing?.reopened == true,
                                                    window: form.window, today: today).orAppError()
        let entries = try checkedEntries(form: form, input: input, requireValues: action == .submit)
        if action == .submit, !input.confirmJumps {
            try await checkJumps(entries, form: form, on: tx)
        }
        let narrative = try FreeText.clean(input.narrative, field: "narrative", label: "Phần thuyết minh", limit: ReportInput.narrativeLimit,
                                           multiline: true).orInvalid()
        let report = try await write(existing, form: form, state: next, narrative: narrative, late: late, by: actor, on: tx)
        try await replaceValues(of: report, entries: entries, on: tx)
        try await FigureChangeEffects.apply(unitID: form.unitID, period: form.period, on: tx)
        try await AuditLog.record("report.\(action.rawValue)", entityType: "report", entityKey: "#\(report.requireID)",
                                  unitID: form.unitID, before: existing.map { ["state": $0.state.rawValue] },
                                  after: ["state": next.rawValue, "period": form.period.code, "figures": "\(entries.count)"],
                                  by: actor, on: tx)
        if next == .submitted {
            try await ReportNotices.submitted(report, by: actor, on: tx)
        }
        return report
    }

    static func checkedEntries(form: ReportForm, input: ReportInput, requireValues: Bool) throws -> [ReportEntry] {
        var entries: [ReportEntry] = []
        var issues: [ValidationIssue] = []
        for item in form.items {
            switch ReportEntryValidation.check(input.entryInput(for: item), requireValue: requireValues) {
            case .success(let entry): entries.append(entry)
            case .failure(let failure): issues += failure.issues
            }
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return entries
    }

    private static func checkVersion(_ existing: Report?, input: ReportInput) throws {
        if let existing, input.version != existing.version {
            throw AppError.staleVersion(current: ["state": existing.state.rawValue], readVersion: input.version ?? 0,
                                        currentVersion: existing.version)
        }
    }

    private static func checkJumps(_ entries: [ReportEntry], form: ReportForm, on db: any Database) async throws {
        let previous = try await ReportLookup.previousValues(unitID: form.unitID, period: form.period, on: db)
        let names = Dictionary(form.items.map { ($0.indicatorID, $0.name) }, uniquingKeysWith: { first, _ in first })
        let issues = entries.compactMap { entry -> ValidationIssue? in
            guard let current = entry.denominator, let before = previous[entry.indicatorID]?.denominator,
                  let message = ReportEntryValidation.denominatorJump(name: names[entry.indicatorID] ?? "", previous: before,
                                                                      current: current, share: form.jumpShare) else { return nil }
            return ValidationIssue(field: "v\(entry.indicatorID)_den", message: message)
        }
        guard issues.isEmpty else {
            let confirm = ValidationIssue(field: "confirmJumps", message: "Nếu số liệu đúng, hãy đánh dấu xác nhận rồi gửi lại.")
            throw AppError.validation(ValidationFailure(issues + [confirm]))
        }
    }

    /// The version was checked against the one read; the UPDATE names it again, so a change
    /// made between the check and the write is caught too.
    private static func write(_ existing: Report?, form: ReportForm, state: ReportState, narrative: String, late: Bool,
                              by actor: Actor, on db: any Database) async throws -> Report {
        let submitted = state == .submitted
        guard let existing else {
            let report = Report(unitID: form.unitID, period: form.period, deadline: form.deadline)
            report.state = state
            report.narrative = narrative
            report.late = late
            if submitted { report.submittedAt = Date(); report.submittedBy = actor.userID }
            do { try await report.create(on: db) } catch let error as any DatabaseError where error.isConstraintFailure {
                throw AppError(.conflict, "Báo cáo này vừa được người khác tạo; hãy tải lại trang rồi nhập tiếp.", field: "version")
            }
            return report
        }
        let updated = try await UnitClosure.sqlDatabase(db).update(Report.schema)
            .set("state", to: state.rawValue).set("narrative", to: narrative)
            .set("late", to: submitted ? late : existing.late)
            .set("submitted_at", to: submitted ? Date() : existing.submittedAt)
            .set("submitted_by", to: submitted ? actor.userID : existing.submittedBy)
            .set("version", to: SQLRaw("version + 1")).set("updated_at", to: Date())
            .where("id", .equal, existing.requireID).where("version", .equal, existing.version)
            .returning("id").all()
        guard !updated.isEmpty else {
            throw AppError(.conflict, "Báo cáo vừa được người khác gửi hoặc sửa; không có gì bị ghi đè.", field: "version")
        }
        guard let fresh = try await Report.find(existing.requireID, on: db) else { throw AppError.notFound("Không tìm thấy báo cáo.") }
        return fresh
    }

    static func replaceValues(of report: Report, entries: [ReportEntry], on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        try await sql.delete(from: ReportValue.table).where("report_id", .equal, report.requireID).run()
        let stage = ReportValue.Stage(report.state).rawValue
        let rows = entries.filter { !$0.isEmpty || !$0.comment.isEmpty }.map { entry in
            ReportValue(report_id: report.requireID, unit_id: report.unitID, year: report.year, end_month: report.endMonth,
                        indicator_id: entry.indicatorID, numerator: entry.numerator, denominator: entry.denominator,
                        comment: entry.comment, stage: stage)
        }
        try await SQLRows.insert(rows, into: ReportValue.table, on: sql)
    }
}
