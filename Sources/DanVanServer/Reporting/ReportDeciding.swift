import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The level above returning (with a reason), approving, or reopening (with a reason) a
/// unit's report. Approval locks the figures; every decision is audited.
enum ReportDeciding {
    static let reasonLimit = 2_000

    static func decide(_ action: ReportAction, report: Report, reason: String, readVersion: Int,
                       by user: User, on db: any Database) async throws -> Report {
        precondition([.returnToUnit, .approve, .reopen].contains(action))
        let reason = reason.trimmed()
        let next: ReportState
        switch action.next(from: report.reportState) {
        case .success(let state): next = state
        case .failure(let issue): throw AppError(.conflict, issue.message, field: issue.field)
        }
        if action.needsReason, reason.isEmpty {
            throw AppError.invalid("reason", "Hãy ghi lý do \(action.label.lowercased()) báo cáo.")
        }
        guard reason.count <= reasonLimit else { throw AppError.invalid("reason", "Lý do dài \(reason.count) ký tự, tối đa \(reasonLimit).") }
        if action == .approve, report.submittedBy != nil, report.submittedBy == user.id {
            throw AppError(.forbidden, "Người gửi báo cáo không tự duyệt báo cáo của mình; cấp trên duyệt.")
        }
        guard readVersion == report.version else {
            throw AppError.staleVersion(current: ["state": report.state], readVersion: readVersion, currentVersion: report.version)
        }
        return try await ConcurrentWrite.guarding { try await db.transaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            let updated = try await sql.update(Report.schema)
                .set("state", to: next.rawValue).set("reason", to: reason.isEmpty ? nil : reason)
                .set("decided_at", to: Date()).set("decided_by", to: user.id)
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
                try await ReportFigures.changed(unitID: report.unitID, period: period, on: tx)
            }
            try await AuditLog.record("report.\(action.rawValue)", entityType: "report", entityKey: "#\(report.requireID)",
                                      unitID: report.unitID, before: ["state": report.state],
                                      after: ["state": next.rawValue, "reason": reason], by: Actor(user), on: tx)
            guard let fresh = try await Report.find(report.requireID, on: tx) else { throw AppError.notFound("Không tìm thấy báo cáo.") }
            return fresh
        } }
    }
}
