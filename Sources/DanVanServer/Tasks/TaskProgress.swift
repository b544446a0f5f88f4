import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Posting progress on an occurrence (its lead unit) and reminding the lead unit (the level
/// above). One transaction each; evidence files written first are removed if it fails.
enum TaskProgress {
    struct Evidence {
        let filename: String
        let data: Data
    }

    struct Context {
        let occurrence: TaskOccurrence
        let task: PlanTaskRecord
        let plan: Plan
        let lead: OrgUnit?
    }

    static func context(_ occurrenceID: Int, on db: any Database) async throws -> Context {
        guard let occurrence = try await TaskOccurrence.find(occurrenceID, on: db),
              let task = try await PlanTaskRecord.find(occurrence.taskID, on: db),
              let plan = try await Plan.find(task.planID, on: db) else { throw AppError.notFound("Không tìm thấy nhiệm vụ.") }
        let lead = try await task.leadUnitID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        return Context(occurrence: occurrence, task: task, plan: plan, lead: lead)
    }

    static func update(_ context: Context, state: OccurrenceState, text: String, version: Int, evidence: [Evidence],
                       by user: User, store: EvidenceStore, on db: any Database) async throws {
        let occurrence = context.occurrence
        let text = text.trimmed()
        guard context.lead != nil else { throw AppError.invalid("state", "Nhiệm vụ chưa có đơn vị chủ trì; hãy giao đơn vị chủ trì trước.") }
        guard version == occurrence.version else {
            throw AppError(.conflict, "Nhiệm vụ vừa được người khác cập nhật; hãy xem trạng thái mới rồi gửi lại.", field: "version")
        }
        let current = occurrence.occurrenceState
        guard state == current || current.canMove(to: state) else {
            throw AppError.invalid("state", "Không thể chuyển từ \"\(current.label)\" sang \"\(state.label)\".")
        }
        guard !text.isEmpty else { throw AppError.invalid("text", "Hãy ghi nội dung đã thực hiện hoặc lý do.") }
        guard evidence.count <= EvidencePolicy.maxFilesPerUpdate else {
            throw AppError.invalid("file", "Mỗi lần gửi tối đa \(EvidencePolicy.maxFilesPerUpdate) tệp.")
        }
        for file in evidence {
            if let problem = EvidencePolicy.problem(filename: file.filename, size: file.data.count, head: [UInt8](file.data.prefix(8))) {
                throw AppError.invalid("file", problem)
            }
        }
        var written: [String] = []
        do {
            for file in evidence { written.append(try store.save(file.data, originalName: file.filename)) }
            let stored = written
            let files = evidence.map { (name: $0.filename, size: $0.data.count) }
            try await db.transaction { tx in
                try await save(occurrence, state: state, reason: state == .cannotDo ? text : nil, expectedVersion: version, on: tx)
                let updateID = try await insertUpdate(occurrence.requireID, kind: TaskUpdate.updateKind, state: state, text: text, by: user, on: tx)
                try await SQLRows.insert(zip(files, stored).map { file, name in
                    EvidenceRow(update_id: updateID, stored_name: name, original_name: file.name,
                                content_type: EvidencePolicy.contentTypes[EvidencePolicy.fileExtension(of: file.name)] ?? "application/octet-stream",
                                size: file.size)
                }, into: EvidenceFile.schema, on: try UnitClosure.sqlDatabase(tx))
                try await AuditLog.record("task.update", entityType: "task_occurrence", entityKey: "#\(occurrence.requireID)",
                                          unitID: context.lead?.id, before: ["state": current.rawValue],
                                          after: ["state": state.rawValue, "files": "\(files.count)"], by: Actor(user), on: tx)
            }
        } catch {
            store.remove(written)
            throw error
        }
    }

    static func remind(_ context: Context, note: String, by user: User, on db: any Database) async throws {
        let note = note.trimmed()
        let text = note.isEmpty ? "Đề nghị khẩn trương thực hiện và báo cáo kết quả." : note
        try await db.transaction { tx in
            _ = try await insertUpdate(context.occurrence.requireID, kind: TaskUpdate.reminderKind, state: nil, text: text, by: user, on: tx)
            try await AuditLog.record("task.remind", entityType: "task_occurrence", entityKey: "#\(context.occurrence.requireID)",
                                      unitID: context.lead?.id, before: nil, after: ["text": text], by: Actor(user), on: tx)
        }
    }

    private struct EvidenceRow: Encodable {
        let update_id: Int, stored_name: String, original_name: String, content_type: String, size: Int
    }

    private struct UpdateRow: Encodable {
        let occurrence_id: Int, kind: String, state: String?, text: String, user_id: Int?, user_name: String, at: Date
    }

    /// Saves the new state only if nobody saved since `expectedVersion` was read.
    private static func save(_ occurrence: TaskOccurrence, state: OccurrenceState, reason: String?, expectedVersion: Int,
                             on db: any Database) async throws {
        let doneOn = state == .done ? (occurrence.occurrenceState == .done ? occurrence.doneOn : CivilDate.today().description) : nil
        let sql = try UnitClosure.sqlDatabase(db)
        let changed = try await sql.update(TaskOccurrence.schema)
            .set("state", to: state.rawValue).set("reason", to: reason).set("done_on", to: doneOn)
            .set("version", to: expectedVersion + 1).set("updated_at", to: Date())
            .where("id", .equal, occurrence.requireID).where("version", .equal, expectedVersion)
            .returning("id").all()
        guard !changed.isEmpty else {
            throw AppError(.conflict, "Nhiệm vụ vừa được người khác cập nhật; hãy xem trạng thái mới rồi gửi lại.", field: "version")
        }
    }

    private static func insertUpdate(_ occurrenceID: Int, kind: String, state: OccurrenceState?, text: String, by user: User,
                                     on db: any Database) async throws -> Int {
        let row = UpdateRow(occurrence_id: occurrenceID, kind: kind, state: state?.rawValue, text: text, user_id: user.id,
                            user_name: user.fullName, at: Date())
        guard let id = try await UnitClosure.sqlDatabase(db).insert(into: TaskUpdate.schema).model(row, with: SQLRows.encoder)
            .returning("id").first(decodingColumn: "id", as: Int.self) else { throw AppError.internalError("Không lưu được cập nhật.") }
        return id
    }
}
