import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The lead unit posts progress on an occurrence: its state, what was done (or why it cannot
/// be), and up to five evidence files. Files are written first and removed if the transaction
/// fails, so a refused or failed post leaves nothing behind.
enum TaskProgressPosting {
    struct Evidence {
        let filename: String
        let data: Data
    }

    static func perform(occurrenceID: Int, state: OccurrenceState?, text: String, version: Int, evidence: [Evidence],
                        today: CivilDate, store: EvidenceStore, by actor: Actor, on db: any Database) async throws {
        let context = try await TaskContext.load(occurrenceID, on: db)
        guard let lead = context.lead else { throw AppError.invalid("state", "Nhiệm vụ chưa có đơn vị chủ trì; hãy giao đơn vị chủ trì trước.") }
        try await Authorizer.require(actor, .updateTask, on: lead, db: db)
        let occurrence = context.occurrence
        guard let state else { throw AppError.invalid("state", "Hãy chọn trạng thái.") }
        let text = try FreeText.clean(text, field: "text", label: "Nội dung đã thực hiện", limit: FreeText.Limit.paragraph,
                                      multiline: true).orInvalid()
        guard version == occurrence.version else {
            throw AppError(.conflict, "Nhiệm vụ vừa được người khác cập nhật; hãy xem trạng thái mới rồi gửi lại.", field: "version")
        }
        let current = occurrence.occurrenceState
        guard state == current || current.canMove(to: state) else {
            throw AppError.invalid("state", "Không thể chuyển từ \"\(current.label)\" sang \"\(state.label)\".")
        }
        guard !text.isEmpty else { throw AppError.invalid("text", "Hãy ghi nội dung đã thực hiện hoặc lý do.") }
        try check(evidence)
        var written: [String] = []
        do {
            for file in evidence { written.append(try store.save(file.data, originalName: file.filename)) }
            let stored = written
            let files = evidence.map { (name: $0.filename, size: $0.data.count) }
            try await db.writeTransaction { tx in
                try await save(occurrence, state: state, reason: state == .cannotDo ? text : nil, expectedVersion: version, today: today, on: tx)
                let updateID = try await TaskUpdates.insert(occurrence.requireID, kind: TaskUpdate.updateKind, state: state, text: text,
                                                            by: actor, on: tx)
                try await SQLRows.insert(zip(files, stored).map { file, name in
                    EvidenceRow(update_id: updateID, stored_name: name, original_name: file.name,
                                content_type: EvidencePolicy.contentTypes[EvidencePolicy.fileExtension(of: file.name)] ?? "application/octet-stream",
                                size: file.size)
                }, into: EvidenceFile.schema, on: try UnitClosure.sqlDatabase(tx))
                try await AuditLog.record("task.update", entityType: "task_occurrence", entityKey: "#\(occurrence.requireID)",
                                          unitID: lead.id, before: ["state": current.rawValue],
                                          after: ["state": state.rawValue, "files": "\(files.count)"], by: actor, on: tx)
            }
        } catch {
            store.remove(written)
            throw error
        }
    }

    private static func check(_ evidence: [Evidence]) throws {
        guard evidence.count <= EvidencePolicy.maxFilesPerUpdate else {
            throw AppError.invalid("file", "Mỗi lần gửi tối đa \(EvidencePolicy.maxFilesPerUpdate) tệp.")
        }
        for file in evidence {
            if let problem = EvidencePolicy.problem(filename: file.filename, size: file.data.count, head: [UInt8](file.data.prefix(8))) {
                throw AppError.invalid("file", problem)
            }
        }
    }

    private struct EvidenceRow: Encodable {
        let update_id: Int, stored_name: String, original_name: String, content_type: String, size: Int
    }

    /// Saves the new state only if nobody saved since `expectedVersion` was read.
    private static func save(_ occurrence: TaskOccurrence, state: OccurrenceState, reason: String?, expectedVersion: Int,
                             today: CivilDate, on db: any Database) async throws {
        let doneOn = state == .done ? (occurrence.occurrenceState == .done ? occurrence.doneOn : today.description) : nil
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
}
