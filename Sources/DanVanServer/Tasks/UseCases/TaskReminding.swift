import DanVanCore
import Fluent

/// The level above reminds the lead unit of an occurrence ("đôn đốc"). A finished one needs no
/// reminder.
enum TaskReminding {
    static let defaultText = "Đề nghị khẩn trương thực hiện và báo cáo kết quả."

    static func perform(occurrenceID: Int, note: String, by actor: Actor, on db: any Database) async throws {
        let context = try await TaskContext.load(occurrenceID, on: db)
        guard let lead = context.lead else { throw AppError.invalid("note", "Nhiệm vụ chưa có đơn vị chủ trì để đôn đốc.") }
        try await Authorizer.require(actor, .chaseTask, on: lead, db: db)
        guard context.occurrence.occurrenceState != .done else {
            throw AppError(.conflict, "Nhiệm vụ đã hoàn thành; không cần đôn đốc.", field: "note")
        }
        let note = try FreeText.clean(note, field: "note", label: "Lời nhắc", limit: FreeText.Limit.paragraph, multiline: true).orInvalid()
        let text = note.isEmpty ? defaultText : note
        try await db.writeTransaction { tx in
            let updateID = try await TaskUpdates.insert(context.occurrence.requireID, kind: TaskUpdate.reminderKind, state: nil, text: text,
                                                        by: actor, on: tx)
            try await TaskNotices.reminded(context, lead: lead, note: text, updateID: updateID, by: actor, on: tx)
            try await AuditLog.record("task.remind", entityType: "task_occurrence", entityKey: "#\(context.occurrence.requireID)",
                                      unitID: lead.id, before: nil, after: ["text": text], by: actor, on: tx)
        }
    }
}
