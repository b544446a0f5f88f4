import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Scans of a citizen's letter. A letter's handwriting and the name on it identify its writer,
/// so DanVan keeps scans only in the optional mode, sealed with the identity key (the file's
/// name included), and opens them under the identity's own rule: a named handler at the
/// competent unit, with a reason, audited. The verifier gets the redacted copy instead.
enum CaseScans {
    static let maxPerCase = 10
    static let kinds: Set<String> = ["pdf", "jpg", "jpeg", "png"]

    struct Upload: Sendable {
        let name: String
        let data: Data
    }

    struct Listed: Decodable, Sendable {
        let id: Int
        let media_type: String
        let byte_size: Int
        let created_by: String
        let created_at: Date
    }

    struct Opened: Sendable {
        let name: String
        let mediaType: String
        let data: Data

        /// The download names the scan by its case, not by its own name, which may be the writer's.
        var fileExtension: String { EvidencePolicy.fileExtension(of: name) }
    }

    static func binding(_ caseID: Int, _ part: String) -> String { "case_scan:\(caseID):\(part)" }

    static func list(_ caseID: Int, on db: any Database) async throws -> [Listed] {
        try await UnitClosure.sqlDatabase(db).select().columns("id", "media_type", "byte_size", "created_by", "created_at").from("case_scans")
            .where("case_id", .equal, caseID).orderBy("id").all(decoding: Listed.self)
    }

    static func attach(_ caseID: Int, files: [Upload], key: IdentityKey?, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Int {
        let context = try await CaseContext.load(caseID, on: db)
        try await Authorizer.require(actor, .handleCitizens, on: context.unit, db: db, message: "Bạn không được xử lý vụ việc của đơn vị này.")
        guard try await IdentityMode.current(on: db).sealsIdentities, let key else {
            throw AppError(.unprocessableEntity, "Hệ thống đang ở chế độ mặc định: không lưu bản chụp đơn; lưu bản giấy cùng hồ sơ tại đơn vị.", field: "scans")
        }
        var issues: [ValidationIssue] = []
        if files.isEmpty { issues.append(ValidationIssue(field: "scans", message: "Chọn ít nhất một bản chụp đơn.")) }
        let existing = try await list(caseID, on: db).count
        if existing + files.count > maxPerCase {
            issues.append(ValidationIssue(field: "scans", message: "Mỗi vụ việc lưu tối đa \(maxPerCase) bản chụp; đã có \(existing)."))
        }
        for (index, file) in files.enumerated() {
            // The file's own name may carry the writer's name, so messages call it by its place.
            let kind = EvidencePolicy.fileExtension(of: file.name)
            let label = "bản chụp thứ \(index + 1)"
            if !kinds.contains(kind) {
                issues.append(ValidationIssue(field: "scans", message: "Tệp \(label) không phải PDF, JPG hoặc PNG."))
            } else if let problem = EvidencePolicy.problem(filename: "\(label).\(kind)", size: file.data.count, head: Array(file.data.prefix(8))) {
                issues.append(ValidationIssue(field: "scans", message: problem))
            }
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        let sealed = try files.map { file in
            (name: try IdentityVault.seal(Data(file.name.utf8), binding: binding(caseID, "name"), with: key),
             data: try IdentityVault.seal(file.data, binding: binding(caseID, "data"), with: key),
             type: EvidencePolicy.contentTypes[EvidencePolicy.fileExtension(of: file.name)] ?? "application/octet-stream", size: file.data.count)
        }
        return try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            for file in sealed {
                try await sql.insert(into: "case_scans").columns("case_id", "key_id", "sealed_name", "sealed_data", "media_type", "byte_size", "created_by", "created_at")
                    .values(SQLBind(caseID), SQLBind(key.id), SQLBind(file.name), SQLBind(file.data), SQLBind(file.type), SQLBind(file.size),
                            SQLBind(actor.displayName), SQLBind(Date())).run()
            }
            try await CaseHistory.append(caseID, action: "scan", on: today, text: "Lưu \(files.count) bản chụp đơn (niêm phong).", by: actor, on: tx)
            try await AuditLog.record("case.scan.attach", entityType: "case", entityKey: context.record.trackingCode, unitID: context.record.unitID,
                                      before: nil, after: ["count": "\(files.count)"], by: actor, on: tx)
            return files.count
        }
    }

    private struct SealedRow: Decodable {
        let case_id: Int
        let key_id: String
        let sealed_name: String
        let sealed_data: String
        let media_type: String
    }

    static func open(_ caseID: Int, scanID: Int, reason: String, key: IdentityKey?, by actor: Actor, on db: any Database) async throws -> Opened {
        guard let record = try await CitizenCase.find(caseID, on: db), try await IdentityReading.isHandler(actor, of: record, on: db) else {
            throw AppError(.forbidden, "Chỉ người được giao xử lý vụ việc tại đơn vị có thẩm quyền mới được mở bản chụp đơn.")
        }
        let why = try IdentityReading.reason(reason, label: "Lý do mở bản chụp đơn", field: "scanReason")
        let row = try await UnitClosure.sqlDatabase(db).select().columns("case_id", "key_id", "sealed_name", "sealed_data", "media_type").from("case_scans")
            .where("id", .equal, scanID).where("case_id", .equal, caseID).first(decoding: SealedRow.self)
        guard let row else { throw AppError(.notFound, "Không tìm thấy bản chụp đơn.") }
        guard let key, key.id == row.key_id else {
            throw AppError(.serviceUnavailable, "Máy chủ không có khóa đã dùng để niêm phong bản chụp này; báo quản trị hệ thống.")
        }
        let name = String(decoding: try IdentityVault.open(row.sealed_name, binding: binding(caseID, "name"), with: key), as: UTF8.self)
        let data = try IdentityVault.open(row.sealed_data, binding: binding(caseID, "data"), with: key)
        try await db.writeTransaction { tx in
            try await AuditLog.record("case.scan.read", entityType: "case", entityKey: record.trackingCode, unitID: record.unitID, before: nil,
                                      after: ["scan": "\(scanID)", "reason": why], by: actor, on: tx)
        }
        return Opened(name: name, mediaType: row.media_type, data: data)
    }

    /// Re-seals every scan under the new key, inside the rotation's transaction.
    static func reseal(from old: IdentityKey, to new: IdentityKey, on tx: any Database) async throws -> Int {
        let sql = try UnitClosure.sqlDatabase(tx)
        struct Row: Decodable {
            let id: Int
            let case_id: Int
            let key_id: String
            let sealed_name: String
            let sealed_data: String
        }
        let rows = try await sql.select().columns("id", "case_id", "key_id", "sealed_name", "sealed_data").from("case_scans").all(decoding: Row.self)
        var count = 0
        for row in rows where row.key_id != new.id {
            guard row.key_id == old.id else {
                throw AppError(.conflict, "Bản chụp đơn của vụ việc #\(row.case_id) được niêm phong bằng khóa \(row.key_id), không phải khóa hiện tại \(old.id).")
            }
            let name = try IdentityVault.open(row.sealed_name, binding: binding(row.case_id, "name"), with: old)
            let data = try IdentityVault.open(row.sealed_data, binding: binding(row.case_id, "data"), with: old)
            try await sql.update("case_scans").set("sealed_name", to: try IdentityVault.seal(name, binding: binding(row.case_id, "name"), with: new))
                .set("sealed_data", to: try IdentityVault.seal(data, binding: binding(row.case_id, "data"), with: new))
                .set("key_id", to: new.id).where("id", .equal, row.id).run()
            count += 1
        }
        return count
    }
}
