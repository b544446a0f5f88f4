import DanVanCore
import Fluent
import Foundation
import SQLKit

/// What moves a sheet: the unit sends it up; the level above returns it with a reason,
/// appraises it (a lower score needs a reason the unit sees; criteria only the level above
/// scores are scored here), declares it not eligible after the close date, or reopens a
/// published one with a reason. Each one transaction, checked against the version read.
enum SheetDeciding {
    struct Input: Codable, Sendable {
        var action: String = ""
        var version: Int?
        var reason: String = ""
        /// For an appraisal: points and reason per criterion; criteria left out keep the unit's score.
        var scores: [String: SheetScoring.Entry] = [:]

        init(action: String = "", version: Int? = nil, reason: String = "", scores: [String: SheetScoring.Entry] = [:]) {
            self.action = action
            self.version = version
            self.reason = reason
            self.scores = scores
        }

        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            self.init(action: (try? values.decodeIfPresent(String.self, forKey: .action)) ?? nil ?? "",
                      version: (try? values.decodeIfPresent(Int.self, forKey: .version)) ?? nil,
                      reason: (try? values.decodeIfPresent(String.self, forKey: .reason)) ?? nil ?? "",
                      scores: (try? values.decodeIfPresent([String: SheetScoring.Entry].self, forKey: .scores)) ?? nil ?? [:])
        }
    }

    static func decide(_ sheetID: Int, _ input: Input, today: CivilDate, by actor: Actor, on db: any Database) async throws -> SheetContext {
        let context = try await SheetContext.load(sheetID, on: db)
        let action = SheetAction(rawValue: input.action)
        let right: AccessAction = action == .submit ? .scoreSheet : .appraiseSheet
        try await Authorizer.require(actor, right, on: context.unit, db: db,
                                     message: right == .scoreSheet ? "Bạn không được gửi phiếu của đơn vị này."
                                         : "Chỉ cấp trên của đơn vị mới được thẩm định, trả lại hoặc mở lại phiếu.")
        guard let action else {
            throw AppError.invalid("action", "Thao tác \"\(input.action)\" không có; dùng: \(SheetAction.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard let next = action.next(from: context.sheet.state) else {
            throw AppError(.conflict, "Không thể \"\(action.label.lowercased())\" phiếu đang ở trạng thái \"\(context.sheet.state.label)\".", field: "state")
        }
        if action != .reopen, context.round.state == .published {
            throw AppError(.conflict, "Đợt xếp loại đã công bố: phiếu đã khóa.", field: "state")
        }
        let version = input.version ?? -1
        let reason = try FreeText.clean(input.reason, field: "reason", label: "Lý do", limit: FreeText.Limit.line).orInvalid()
        switch action {
        case .submit: try await submit(context, version: version, today: today, by: actor, on: db)
        case .return, .reopen:
            guard !reason.isEmpty else { throw AppError.invalid("reason", action == .return ? "Hãy nêu lý do trả lại để đơn vị biết cần sửa gì." : "Hãy nêu lý do mở lại phiếu đã công bố.") }
            try await db.writeTransaction { tx in
                let columns: [String: any Encodable & Sendable] = action == .return
                    ? ["state": next.rawValue, "return_reason": reason] : ["state": next.rawValue, "reopen_reason": reason]
                try await SheetWrites.bumpVersion(context.sheet, expected: version, columns: columns, on: tx)
                if action == .reopen {
                    try await UnitClosure.sqlDatabase(tx).update(ClassificationRound.schema).set("state", to: ClassificationRound.State.open.rawValue)
                        .set("version", to: SQLRaw("version + 1")).where("id", .equal, context.round.requireID).run()
                }
                try await audit(action, context, after: ["state": next.rawValue, "reason": reason], by: actor, on: tx)
                if action == .return { try await ClassificationNotices.returned(context, reason: reason, by: actor, on: tx) }
            }
        case .appraise: try await appraise(context, input.scores, version: version, by: actor, on: db)
        case .exclude:
            guard let closes = context.round.closes, today > closes else {
                throw AppError(.conflict, "Chỉ kết luận không đủ điều kiện xếp loại sau hạn gửi phiếu (\(context.round.closes?.vietnamese ?? "")).", field: "action")
            }
            let label = context.definition.closeGateLabel ?? ClassificationGate.notEligible
            try await db.writeTransaction { tx in
                try await SheetWrites.bumpVersion(context.sheet, expected: version,
                                                  columns: ["state": next.rawValue, "label": label, "gated": true, "appraised_total": 0], on: tx)
                try await audit(action, context, after: ["state": next.rawValue, "label": label], by: actor, on: tx)
            }
        }
        return try await SheetContext.load(sheetID, on: db)
    }

    private static func submit(_ context: SheetContext, version: Int, today: CivilDate, by actor: Actor, on db: any Database) async throws {
        let scores = context.selfScores
        var issues = CriteriaScoring.issues(context.definition, scores: scores)
        let unscored = CriteriaScoring.unscored(context.definition, scores: scores, by: .unit)
        if !unscored.isEmpty {
            issues.append(ValidationIssue(field: "scores", message: "Còn \(unscored.count) tiêu chí chưa chấm: \(unscored.map(\.key).prefix(10).joined(separator: ", "))."))
        }
        for criterion in CriteriaScoring.missingEvidence(context.definition, scores: scores, evidence: context.evidenceKeys) {
            issues.append(ValidationIssue(field: "files.\(criterion.key)", message: "Tiêu chí \(criterion.key) (\(criterion.text)) cần tệp minh chứng."))
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        try await db.writeTransaction { tx in
            try await SheetWrites.bumpVersion(context.sheet, expected: version,
                                              columns: ["state": SheetState.submitted.rawValue, "submitted_on": today.description], on: tx)
            try await audit(.submit, context, after: ["state": SheetState.submitted.rawValue, "selfTotal": Points(hundredths: context.sheet.selfTotal).short],
                            by: actor, on: tx)
        }
    }

    private static func appraise(_ context: SheetContext, _ entries: [String: SheetScoring.Entry], version: Int, by actor: Actor,
                                 on db: any Database) async throws {
        var issues: [ValidationIssue] = []
        var scores = context.appraisedScores
        var changes: [(key: String, points: Int?, reason: String?)] = []
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard let leaf = context.definition.leaves.first(where: { $0.key == key }) else {
                issues.append(ValidationIssue(field: "scores.\(key)", message: "Tiêu chí \(key) không có trong bộ tiêu chí."))
                continue
            }
            let raw = entry.points.trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }
            guard let points = Points(parsing: raw) else {
                issues.append(ValidationIssue(field: "scores.\(key)", message: "Tiêu chí \(leaf.key): \"\(raw)\" không phải số điểm."))
                continue
            }
            let own = context.scores[key]?.selfPoints.map(Points.init(hundredths:))
            let reason = FreeText.clean(entry.overrideReason, field: "reasons.\(key)", label: "Lý do tiêu chí \(key)", limit: FreeText.Limit.line)
                .value(collecting: &issues) ?? ""
            if leaf.scorer == .unit, let own, points < own, reason.isEmpty {
                issues.append(ValidationIssue(field: "reasons.\(key)",
                                              message: "Tiêu chí \(leaf.key): chấm thấp hơn điểm tự chấm (\(points.short) < \(own.short)) phải nêu lý do cho đơn vị biết."))
            }
            scores[key] = points
            changes.append((key, points.hundredths, reason.isEmpty ? nil : reason))
        }
        issues += CriteriaScoring.issues(context.definition, scores: scores)
        let missing = CriteriaScoring.unscored(context.definition, scores: scores, by: .above)
        if !missing.isEmpty {
            issues.append(ValidationIssue(field: "scores", message: "Còn tiêu chí do cấp trên chấm chưa có điểm: \(missing.map(\.key).joined(separator: ", "))."))
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        let total = CriteriaScoring.totals(context.definition, scores: scores).total
        let result = CriteriaScoring.classify(context.definition, total: total, submittedInTime: context.submittedInTime)
        let changed = changes
        try await db.writeTransaction { tx in
            try await SheetWrites.bumpVersion(context.sheet, expected: version,
                                              columns: ["state": SheetState.appraised.rawValue, "appraised_total": total.hundredths, "label": result.label,
                                                        "gated": result.gated], on: tx)
            for change in changed {
                try await SheetWrites.upsertAppraisal(sheetID: context.sheet.requireID, key: change.key, points: change.points, reason: change.reason, on: tx)
            }
            try await audit(.appraise, context, after: ["total": total.short, "label": result.label,
                                                        "lowered": changed.compactMap { change in change.reason.map { "\(change.key): \($0)" } }.joined(separator: "; ")],
                            by: actor, on: tx)
        }
    }

    private static func audit(_ action: SheetAction, _ context: SheetContext, after: [String: String], by actor: Actor, on tx: any Database) async throws {
        try await AuditLog.record("classification.\(action.rawValue)", entityType: "classification_sheet", entityKey: "#\(context.sheet.requireID)",
                                  unitID: context.unit.requireID, before: ["state": context.sheet.state.rawValue], after: after, by: actor, on: tx)
        try await ReportGeneration.bump(on: tx)
    }
}
