import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A step on a requirement: the inspected unit reports its remedy (with what it did and where
/// the proof is); the inspecting unit accepts it, returns it with a reason, or closes the
/// requirement with a written reason. Version-checked; one transaction with its event and audit.
enum RequirementActing {
    struct Input: Codable, Sendable, Equatable {
        var action = ""
        var onDate = ""
        var text = ""
        var version = -1

        init(action: String = "", onDate: String = "", text: String = "", version: Int = -1) {
            (self.action, self.onDate, self.text, self.version) = (action, onDate, text, version)
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            (action, onDate, self.text) = (text(.action), text(.onDate), text(.text))
            version = ((try? c.decodeIfPresent(Int.self, forKey: .version)) ?? nil) ?? Int(text(.version)) ?? -1
        }
    }

    /// Evidence of a report (photos, scans of minutes) and the store that keeps it.
    struct Evidence: Sendable {
        let files: [EvidenceUploads.Upload]
        let store: EvidenceStore
    }

    static func perform(_ requirementID: Int, _ input: Input, evidence: Evidence? = nil, today: CivilDate,
                        by actor: Actor, on db: any Database) async throws -> InspectionRequirement {
        guard let requirement = try await InspectionRequirement.find(requirementID, on: db) else { throw AppError.notFound("Không tìm thấy yêu cầu #\(requirementID).") }
        let context = try await InspectionContext.load(requirement.inspectionID, on: db)
        guard let responsible = try await OrgUnit.find(requirement.unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị chịu trách nhiệm.") }
        guard let action = RequirementAction(rawValue: input.action) else {
            _ = try await InspectionContext.visible(requirement.inspectionID, by: actor, on: db)
            throw AppError(.unprocessableEntity, "Thao tác \"\(FreeText.printable(String(input.action.prefix(40))))\" không có.", field: "action")
        }
        if action.byInspectedUnit {
            try await Authorizer.require(actor, .updateTask, on: responsible, db: db, message: "Chỉ đơn vị được yêu cầu mới báo cáo kết quả khắc phục.")
        } else {
            try await Authorizer.require(actor, .inspect, on: context.unit, db: db, message: "Chỉ đơn vị kiểm tra mới xác nhận, trả lại hoặc đóng yêu cầu.")
        }
        guard let next = action.next(from: requirement.state) else { throw AppError(.conflict, action.refusal(in: requirement.state), field: "action") }
        guard input.version == requirement.version else {
            throw AppError(.conflict, "Yêu cầu vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
        }
        var issues: [ValidationIssue] = []
        let date = input.onDate.isEmpty ? today : CivilDate(parsing: input.onDate)
        if let date {
            if date > today { issues.append(ValidationIssue(field: "onDate", message: "Ngày \(date.vietnamese) sau hôm nay.")) }
            if let concluded = context.inspection.concluded, date < concluded {
                issues.append(ValidationIssue(field: "onDate", message: "Ngày \(date.vietnamese) trước ngày kết luận \(concluded.vietnamese)."))
            }
        } else {
            issues.append(ValidationIssue(field: "onDate", message: "Ngày \"\(FreeText.printable(String(input.onDate.prefix(20))))\" không phải một ngày."))
        }
        let label = action == .report ? "Kết quả khắc phục và minh chứng" : action == .close ? "Lý do đóng yêu cầu" : "Nhận xét"
        let text = FreeText.clean(input.text, field: "text", label: label, limit: FreeText.Limit.paragraph, multiline: true,
                                  required: action != .accept).value(collecting: &issues) ?? ""
        if action == .close, !text.isEmpty, text.count < 10 {
            issues.append(ValidationIssue(field: "text", message: "Lý do đóng yêu cầu quá ngắn; ghi rõ vì sao không cần khắc phục tiếp (ít nhất 10 ký tự)."))
        }
        let files = evidence?.files ?? []
        if !files.isEmpty {
            issues += action == .report ? EvidenceUploads.issues(files)
                : [ValidationIssue(field: "files", message: "Chỉ đính kèm minh chứng khi báo cáo kết quả khắc phục.")]
        }
        guard issues.isEmpty, let date else { throw AppError.validation(ValidationFailure(issues)) }
        guard let evidence, !files.isEmpty else {
            return try await record(requirement, action: action, next: next, date: date, text: text, stored: [], input: input, by: actor, on: db)
        }
        return try await EvidenceUploads.storing(files, in: evidence.store) { stored in
            try await record(requirement, action: action, next: next, date: date, text: text, stored: stored, input: input, by: actor, on: db)
        }
    }

    /// The step itself, in one transaction: the state, the event, its files, the audit line.
    private static func record(_ requirement: InspectionRequirement, action: RequirementAction, next: RequirementState, date: CivilDate, text: String,
                               stored: [(upload: EvidenceUploads.Upload, storedName: String, contentType: String)], input: Input,
                               by actor: Actor, on db: any Database) async throws -> InspectionRequirement {
        let requirementID = try requirement.requireID()
        return try await db.writeTransaction { tx in
            var update = try UnitClosure.sqlDatabase(tx).update(InspectionRequirement.schema).set("state", to: next.rawValue)
            switch action {
            case .report: update = update.set("fixed_on", to: date.description)
            case .accept: update = update.set("closed_on", to: date.description)
            case .giveBack: update = update.set("fixed_on", to: SQLLiteral.null)
            case .close: update = update.set("closed_on", to: date.description).set("close_reason", to: text)
            }
            let changed = try await update.set("version", to: SQLRaw("version + 1")).where("id", .equal, requirementID)
                .where("version", .equal, input.version).returning("id").all()
            guard !changed.isEmpty else { throw AppError(.conflict, "Yêu cầu vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version") }
            let event = try await UnitClosure.sqlDatabase(tx).insert(into: "requirement_events").columns("requirement_id", "action", "on_date", "text", "actor_name", "created_at")
                .values(SQLBind(requirementID), SQLBind(action.rawValue), SQLBind(date.description), SQLBind(text), SQLBind(actor.displayName), SQLBind(Date()))
                .returning("id").first()?.decode(column: "id", as: Int.self) ?? 0
            for file in stored {
                try await UnitClosure.sqlDatabase(tx).insert(into: "requirement_files")
                    .columns("requirement_id", "event_id", "stored_name", "original_name", "content_type", "size")
                    .values(SQLBind(requirementID), SQLBind(event), SQLBind(file.storedName), SQLBind(file.upload.name), SQLBind(file.contentType),
                            SQLBind(file.upload.data.count)).run()
            }
            try await AuditLog.record("requirement.\(action.rawValue)", entityType: "requirement", entityKey: "\(requirementID)", unitID: requirement.unitID,
                                      before: ["state": requirement.stateRaw], after: ["state": next.rawValue, "text": text], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let fresh = try await InspectionRequirement.find(requirementID, on: tx) else { throw AppError.notFound("Không tìm thấy yêu cầu.") }
            return fresh
        }
    }
}
