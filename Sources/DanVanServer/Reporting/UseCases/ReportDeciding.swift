import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The level above returning (with a reason), approving, or reopening (with a reason) a
/// unit's report, by `ReportWorkflow`'s rules. Approval locks the figures; every decision is audited.
enum ReportDeciding {
    static func decide(_ action: ReportAction, report: Report, reason: String, readVersion: Int,
                       by actor: Actor, on db: any Database) async throws -> Report {
        precondition(!action.isEntry)
        try await Authorizer.require(actor, .approveReport, onUnitID: report.unitID, db: db,
                                     message: "Chỉ cấp trên của đơn vị mới được \(action.label.lowercased()) báo cáo này.")
        let reason = try FreeText.clean(reason, field: "reason", label: "Lý do", limit: ReportWorkflow.reasonLimit, multiline: true).orInvalid()
        let next = try ReportWorkflow.decide(action, from: report.state, reason: reason, decider: actor.userID,
                                             submitter: report.submittedBy).orAppError()
        guard readVersion == report.version else {
            throw AppError.staleVersion(current: ["state": report.state.rawValue], readVersion: readVersion, currentVersion: report.version)
        }
        return try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            let updated = try await sql.update(Report.schema)
                .set("state", to: next.rawValue).set("reason", to: reason.isEmpty ? nil : reason)
                .set("decided_at", to: Date()).set("decided_by", to: actor.userID)
                .set("reopened", to: action == .reopen ? true : report.reopened)
                .set("version", to: SQLRaw("version + 1")).set("updated_at", to: Date())
                .where("id", .equal, report.requireID).where("version", .equal, readVersion)
                .returning("id").all()
            guard !updated.isEmpty else {
                throw AppError(.conflict, "Báo cáo vừa được người khác xử lý; không có gì bị ghi đè.", field: "version")
            }
            try await sql.update(ReportValue.table).set("stage", to: ReportValue.Stage(next).rawValue)
                .where("report_id", .equal, report.requireID).run()
            if let period = report.reportPeriod {
                try await FigureChangeEffects.apply(unitID: report.unitID, period: period, on: tx)
            }
            // A return keeps the figures it was given, so the approver later sees what changed since.
            var after = ["state": next.rawValue, "reason": reason]
            if action == .returnToUnit {
                after["figures"] = ReportHistory.snapshot(try await ReportLookup.values(reportID: report.requireID, on: tx))
            }
            try await AuditLog.record("report.\(action.rawValue)", entityType: "report", entityKey: "#\(report.requireID)",
                                      unitID: report.unitID, before: ["state": report.state.rawValue],
                                      after: after, by: actor, on: tx)
            guard let fresh = try await Report.find(report.requireID, on: tx) else { throw AppError.notFound("Không tìm thấy báo cáo.") }
            try await ReportNotices.decided(action, fresh, reason: reason, by: actor, on: tx)
            return fresh
        }
    }
}
