import DanVanCore
import Fluent
import Foundation

/// The unit following its model through the year: progress notes with output figures and
/// evidence files, and its self-assessment before the steering committee evaluates.
enum ModelNoting {
    struct Figures: Codable, Sendable, Equatable {
        var households: String = ""
        var roadMetres: String = ""
        var trees: String = ""
    }

    typealias Upload = EvidenceUploads.Upload

    static func post(_ modelID: Int, text: String, figures: Figures, files: [Upload], today: CivilDate, store: EvidenceStore,
                     by actor: Actor, on db: any Database) async throws -> ModelNote {
        let context = try await ModelContext.load(modelID, on: db)
        try await Authorizer.require(actor, .registerModel, on: context.unit, db: db, message: "Bạn không được ghi tiến độ mô hình của đơn vị này.")
        let clean = try FreeText.clean(text, field: "text", label: "Nội dung tiến độ", limit: FreeText.Limit.paragraph, multiline: true, required: true)
            .mapError { AppError.validation(ValidationFailure([$0])) }.get()
        var issues: [ValidationIssue] = []
        func count(_ value: String, _ field: String, _ label: String) -> Int? {
            let trimmed = value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ".", with: "")
            guard !trimmed.isEmpty else { return nil }
            guard let number = Int(trimmed), (0...10_000_000).contains(number) else {
                issues.append(ValidationIssue(field: field, message: "\(label) phải là số nguyên từ 0 đến 10.000.000, không phải \"\(value)\"."))
                return nil
            }
            return number
        }
        let households = count(figures.households, "households", "Số hộ hiến đất, góp công")
        let road = count(figures.roadMetres, "roadMetres", "Số mét đường")
        let trees = count(figures.trees, "trees", "Số cây trồng")
        issues += EvidenceUploads.issues(files)
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return try await EvidenceUploads.storing(files, in: store) { stored in
            try await db.writeTransaction { tx in
                let note = ModelNote()
                note.modelID = modelID
                note.notedOn = today.description
                note.text = clean
                note.households = households
                note.roadMetres = road
                note.trees = trees
                note.authorID = actor.userID
                note.createdAt = Date()
                try await note.create(on: tx)
                for item in stored {
                    let row = ModelNoteFile()
                    row.noteID = note.id ?? 0
                    row.storedName = item.storedName
                    row.originalName = item.upload.name
                    row.contentType = item.contentType
                    row.size = item.upload.data.count
                    try await row.create(on: tx)
                }
                try await AuditLog.record("model.note", entityType: "model", entityKey: "#\(modelID)", unitID: context.model.unitID, before: nil,
                                          after: ["text": clean, "files": "\(files.count)"], by: actor, on: tx)
                return note
            }
        }
    }

    static func selfAssess(_ modelID: Int, text: String, version: Int, by actor: Actor, on db: any Database) async throws -> MovementModel {
        let context = try await ModelContext.load(modelID, on: db)
        try await Authorizer.require(actor, .registerModel, on: context.unit, db: db, message: "Bạn không được tự đánh giá mô hình của đơn vị này.")
        guard [.accepted, .evaluated].contains(context.model.modelStatus) else {
            throw AppError(.conflict, "Chỉ tự đánh giá mô hình đã được cấp trên chấp nhận và chưa có kết quả công nhận.", field: "status")
        }
        let clean = try FreeText.clean(text, field: "selfAssessment", label: "Tự đánh giá", limit: FreeText.Limit.paragraph, multiline: true, required: true)
            .mapError { AppError.validation(ValidationFailure([$0])) }.get()
        return try await db.writeTransaction { tx in
            try await ModelRegistering.writeVersioned(context.model, expected: version, columns: ["self_assessment": clean], on: tx)
            try await AuditLog.record("model.self", entityType: "model", entityKey: "#\(modelID)", unitID: context.model.unitID, before: nil,
                                      after: ["text": clean], by: actor, on: tx)
            return try await ModelContext.load(modelID, on: tx).model
        }
    }
}
