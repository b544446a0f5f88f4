import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The unit scoring itself: per criterion the points, the words that explain them and, where
/// the points differ from what DanVan measured, the reason (audited). Saved as a draft; the
/// sheet changes only while the unit holds it, and only from the version it was read at.
enum SheetScoring {
    struct Entry: Codable, Sendable {
        var points: String = ""
        var note: String = ""
        var overrideReason: String = ""

        init(points: String = "", note: String = "", overrideReason: String = "") {
            self.points = points
            self.note = note
            self.overrideReason = overrideReason
        }

        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            let number = (try? values.decodeIfPresent(Double.self, forKey: .points)) ?? nil
            self.points = (try? values.decodeIfPresent(String.self, forKey: .points)) ?? nil ?? number.map { String($0) } ?? ""
            self.note = (try? values.decodeIfPresent(String.self, forKey: .note)) ?? nil ?? ""
            self.overrideReason = (try? values.decodeIfPresent(String.self, forKey: .overrideReason)) ?? nil ?? ""
        }
    }

    static func save(_ sheetID: Int, entries: [String: Entry], version: Int, by actor: Actor, on db: any Database) async throws -> SheetContext {
        let context = try await SheetContext.load(sheetID, on: db)
        try await Authorizer.require(actor, .scoreSheet, on: context.unit, db: db, message: "Bạn không được chấm điểm phiếu của đơn vị này.")
        guard context.sheet.state.unitMayEdit, context.round.state == .open else {
            throw AppError(.conflict, "Phiếu đang ở trạng thái \"\(context.sheet.state.label)\": đơn vị không sửa được điểm.", field: "state")
        }
        let (rows, overrides) = try validated(entries, in: context)
        return try await db.writeTransaction { tx in
            try await SheetWrites.bumpVersion(context.sheet, expected: version, columns: [:], on: tx)
            for row in rows { try await SheetWrites.upsertSelf(row, sheetID: sheetID, on: tx) }
            try await SheetTotals.refresh(sheetIDs: [sheetID], definition: context.definition, on: tx)
            try await AuditLog.record("classification.score", entityType: "classification_sheet", entityKey: "#\(sheetID)", unitID: context.unit.requireID,
                                      before: nil, after: ["criteria": "\(rows.count)", "overrides": overrides.joined(separator: "; ")], by: actor, on: tx)
            return try await SheetContext.load(sheetID, on: tx)
        }
    }

    struct SelfRow: Sendable {
        let key: String
        let points: Int?
        let note: String
        let overrideReason: String?
    }

    private static func validated(_ entries: [String: Entry], in context: SheetContext) throws -> ([SelfRow], [String]) {
        var issues: [ValidationIssue] = []
        var rows: [SelfRow] = []
        var overrides: [String] = []
        var parsed: [String: Points] = [:]
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard let leaf = context.definition.leaves.first(where: { $0.key == key }), leaf.scorer == .unit else {
                issues.append(ValidationIssue(field: "scores.\(key)", message: "Tiêu chí \(key) không có trong phiếu hoặc do cấp trên chấm."))
                continue
            }
            let raw = entry.points.trimmingCharacters(in: .whitespaces)
            var points: Points?
            if !raw.isEmpty {
                points = Points(parsing: raw)
                if points == nil { issues.append(ValidationIssue(field: "scores.\(key)", message: "Tiêu chí \(leaf.key): \"\(raw)\" không phải số điểm (ví dụ 8 hoặc 7,5).")) }
            }
            if let points { parsed[key] = points }
            let note = FreeText.clean(entry.note, field: "notes.\(key)", label: "Giải trình tiêu chí \(key)", limit: FreeText.Limit.paragraph, multiline: true)
                .value(collecting: &issues) ?? ""
            var reason: String?
            if let prefill = context.scores[key]?.prefillPoints, let points, points.hundredths != prefill {
                let clean = FreeText.clean(entry.overrideReason, field: "reasons.\(key)", label: "Lý do tiêu chí \(key)", limit: FreeText.Limit.line)
                    .value(collecting: &issues)
                if clean?.isEmpty == true {
                    issues.append(ValidationIssue(field: "reasons.\(key)",
                        message: "Tiêu chí \(leaf.key): điểm \(points.short) khác điểm DanVan tự tính (\(Points(hundredths: prefill).short)); hãy nêu lý do."))
                } else if let clean {
                    reason = clean
                    overrides.append("\(leaf.key): \(Points(hundredths: prefill).short) → \(points.short) (\(clean))")
                }
            }
            rows.append(SelfRow(key: key, points: points?.hundredths, note: note, overrideReason: reason))
        }
        issues += CriteriaScoring.issues(context.definition, scores: parsed)
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return (rows, overrides)
    }
}

/// The writes every sheet action shares: the version check and the score rows.
enum SheetWrites {
    /// 409 when someone changed the sheet since it was read: nothing is overwritten.
    static func bumpVersion(_ sheet: ClassificationSheet, expected: Int, columns: [String: any Encodable & Sendable], on tx: any Database) async throws {
        var update = try UnitClosure.sqlDatabase(tx).update(ClassificationSheet.schema)
        for (column, value) in columns { update = update.set(column, to: value) }
        let rows = try await update.set("version", to: SQLRaw("version + 1")).set("updated_at", to: Date())
            .where("id", .equal, sheet.requireID).where("version", .equal, expected).returning("id").all()
        guard !rows.isEmpty else {
            throw AppError(.conflict, "Phiếu vừa được người khác sửa hoặc thẩm định; không có gì bị ghi đè. Hãy mở lại trang.", field: "version")
        }
    }

    static func upsertSelf(_ row: SheetScoring.SelfRow, sheetID: Int, on tx: any Database) async throws {
        try await UnitClosure.sqlDatabase(tx).raw("""
            INSERT INTO classification_scores (sheet_id, criterion_key, self_points, self_note, override_reason)
            VALUES (\(bind: sheetID), \(bind: row.key), \(bind: row.points), \(bind: row.note), \(bind: row.overrideReason))
            ON CONFLICT (sheet_id, criterion_key) DO UPDATE SET
                self_points = excluded.self_points, self_note = excluded.self_note, override_reason = excluded.override_reason
            """).run()
    }

    static func upsertAppraisal(sheetID: Int, key: String, points: Int?, reason: String?, on tx: any Database) async throws {
        try await UnitClosure.sqlDatabase(tx).raw("""
            INSERT INTO classification_scores (sheet_id, criterion_key, self_note, appraised_points, appraisal_reason)
            VALUES (\(bind: sheetID), \(bind: key), '', \(bind: points), \(bind: reason))
            ON CONFLICT (sheet_id, criterion_key) DO UPDATE SET
                appraised_points = excluded.appraised_points, appraisal_reason = excluded.appraisal_reason
            """).run()
    }
}
