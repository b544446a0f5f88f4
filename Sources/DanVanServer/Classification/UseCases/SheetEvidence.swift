import DanVanCore
import Fluent
import Foundation

/// Evidence files for one criterion of a sheet, attached by the unit while it holds the sheet.
enum SheetEvidence {
    static func attach(_ sheetID: Int, criterion key: String, files: [EvidenceUploads.Upload], store: EvidenceStore, by actor: Actor,
                       on db: any Database) async throws -> SheetContext {
        let context = try await SheetContext.load(sheetID, on: db)
        try await Authorizer.require(actor, .scoreSheet, on: context.unit, db: db, message: "Bạn không được chấm điểm phiếu của đơn vị này.")
        guard context.sheet.state.unitMayEdit, context.round.state == .open else {
            throw AppError(.conflict, "Phiếu đang ở trạng thái \"\(context.sheet.state.label)\": không đính kèm thêm được.", field: "state")
        }
        var issues: [ValidationIssue] = []
        if context.definition.leaves.first(where: { $0.key == key && $0.scorer == .unit }) == nil {
            issues.append(ValidationIssue(field: "criterion", message: "Tiêu chí \"\(key)\" không có trong phiếu."))
        }
        if files.isEmpty { issues.append(ValidationIssue(field: "files", message: "Hãy chọn tệp minh chứng.")) }
        issues += EvidenceUploads.issues(files)
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return try await EvidenceUploads.storing(files, in: store) { stored in
            try await db.writeTransaction { tx in
                for item in stored {
                    let row = ClassificationFile()
                    row.sheetID = sheetID
                    row.criterionKey = key
                    row.storedName = item.storedName
                    row.originalName = item.upload.name
                    row.contentType = item.contentType
                    row.size = item.upload.data.count
                    try await row.create(on: tx)
                }
                try await AuditLog.record("classification.evidence", entityType: "classification_sheet", entityKey: "#\(sheetID)", unitID: context.unit.requireID,
                                          before: nil, after: ["criterion": key, "files": "\(files.count)"], by: actor, on: tx)
                return try await SheetContext.load(sheetID, on: tx)
            }
        }
    }

    /// A file attached by mistake taken off, while the unit still holds the sheet. The row goes in
    /// the transaction; the file on disk after it commits (a failed removal leaves an orphan the
    /// start-up sweep takes, never a row without its file).
    static func remove(_ fileID: Int, version: Int, store: EvidenceStore, by actor: Actor, on db: any Database) async throws -> SheetContext {
        guard let file = try await ClassificationFile.find(fileID, on: db) else { throw AppError.notFound("Không tìm thấy tệp.") }
        let context = try await SheetContext.load(file.sheetID, on: db)
        try await Authorizer.require(actor, .scoreSheet, on: context.unit, db: db, message: "Bạn không được chấm điểm phiếu của đơn vị này.")
        guard context.sheet.state.unitMayEdit, context.round.state == .open else {
            throw AppError(.conflict, "Phiếu đang ở trạng thái \"\(context.sheet.state.label)\": không gỡ tệp được.", field: "state")
        }
        let updated = try await db.writeTransaction { tx in
            try await SheetWrites.bumpVersion(context.sheet, expected: version, columns: [:], on: tx)
            try await file.delete(on: tx)
            try await AuditLog.record("classification.evidence.remove", entityType: "classification_sheet", entityKey: "#\(context.sheet.requireID)",
                                      unitID: context.unit.requireID, before: ["criterion": file.criterionKey, "file": file.originalName], after: nil,
                                      by: actor, on: tx)
            return try await SheetContext.load(context.sheet.requireID, on: tx)
        }
        store.remove([file.storedName])
        return updated
    }
}
