import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Opening a sealed identity: only a handler named on the case who works at the competent unit,
/// never an administrator, a manager of a unit above or a verifier; always with a reason, and
/// the reading written to the audit log (who, when, why) without the identity.
enum IdentityReading {
    struct SealedRow: Decodable {
        let key_id: String
        let sealed: String
    }

    static func sealedRow(_ caseID: Int, on db: any Database) async throws -> SealedRow? {
        try await UnitClosure.sqlDatabase(db).select().columns("key_id", "sealed").from("case_identities").where("case_id", .equal, caseID)
            .first(decoding: SealedRow.self)
    }

    /// Whether the person is a named handler of the case at its competent unit.
    static func isHandler(_ actor: Actor, of record: CitizenCase, on db: any Database) async throws -> Bool {
        guard let userID = actor.userID, actor.role != .admin, actor.unitID == record.unitID else { return false }
        return try await CaseEscalation.handlers(of: record.requireID, on: db).contains(userID)
    }

    /// The reason a reader gives, long enough to say what for.
    static func reason(_ typed: String, label: String, field: String = "reason") throws -> String {
        let why = try FreeText.clean(typed, field: field, label: label, limit: FreeText.Limit.line, required: true).orInvalid()
        guard why.count >= 10 else {
            throw AppError(.unprocessableEntity, "\(label) quá ngắn; ghi rõ việc cần làm (ít nhất 10 ký tự).", field: field)
        }
        return why
    }

    static func read(_ caseID: Int, reason: String, key: IdentityKey?, by actor: Actor, on db: any Database) async throws -> IdentityVault.Identity {
        guard let record = try await CitizenCase.find(caseID, on: db), try await isHandler(actor, of: record, on: db) else {
            throw AppError(.forbidden, "Chỉ người được giao xử lý vụ việc tại đơn vị có thẩm quyền mới được xem danh tính người tố cáo.")
        }
        let why = try Self.reason(reason, label: "Lý do xem danh tính")
        guard record.identitySealed, let row = try await sealedRow(caseID, on: db) else {
            throw AppError(.notFound, "Vụ việc này không lưu danh tính trong hệ thống; danh tính ở sổ mật của đơn vị (\(record.registerReference ?? "không ghi số")).")
        }
        guard let key, key.id == row.key_id else {
            throw AppError(.serviceUnavailable, "Máy chủ không có khóa đã dùng để niêm phong danh tính này; báo quản trị hệ thống.")
        }
        let identity = try IdentityVault.open(row.sealed, caseID: caseID, with: key)
        try await db.writeTransaction { tx in
            try await AuditLog.record("case.identity.read", entityType: "case", entityKey: record.trackingCode, unitID: record.unitID, before: nil,
                                      after: ["reason": why], by: actor, on: tx)
        }
        return identity
    }
}

/// Naming who handles a case, and so who may open a sealed identity: the competent unit's own
/// managers name accounts of that unit.
enum HandlerNaming {
    static func perform(_ caseID: Int, usernames: [String], by actor: Actor, on db: any Database) async throws -> [Int] {
        let context = try await CaseContext.load(caseID, on: db)
        try await Authorizer.require(actor, .nameHandlers, on: context.unit, db: db, message: "Chỉ lãnh đạo đơn vị có thẩm quyền mới giao người xử lý.")
        var issues: [ValidationIssue] = []
        let ids = try await CaseReceiving.handlers(usernames, unitID: context.record.unitID, issues: &issues, on: db)
        if ids.isEmpty, issues.isEmpty { issues.append(ValidationIssue(field: "handlers", message: "Giao ít nhất một người xử lý.")) }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            let before = try await CaseEscalation.handlers(of: caseID, on: tx)
            try await sql.delete(from: "case_handlers").where("case_id", .equal, caseID).run()
            for id in ids {
                try await sql.insert(into: "case_handlers").columns("case_id", "user_id").values(SQLBind(caseID), SQLBind(id)).run()
            }
            try await AuditLog.record("case.handlers", entityType: "case", entityKey: context.record.trackingCode, unitID: context.record.unitID,
                                      before: ["handlers": before.map(String.init).joined(separator: ",")],
                                      after: ["handlers": ids.map(String.init).joined(separator: ",")], by: actor, on: tx)
            return ids
        }
    }
}
