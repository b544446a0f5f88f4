import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Re-sealing every identity and every scan of a letter with a new key, all or nothing; the audit log says how many, never whose.
enum IdentityRotation {
    private struct Row: Decodable {
        let case_id: Int
        let key_id: String
        let sealed: String
    }

    static func perform(from old: IdentityKey, to new: IdentityKey, on db: any Database) async throws -> (identities: Int, scans: Int) {
        try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            let rows = try await sql.select().columns("case_id", "key_id", "sealed").from("case_identities").all(decoding: Row.self)
            var count = 0
            for row in rows where row.key_id != new.id {
                guard row.key_id == old.id else {
                    throw AppError(.conflict, "Danh tính của vụ việc #\(row.case_id) được niêm phong bằng khóa \(row.key_id), không phải khóa hiện tại \(old.id).")
                }
                let identity = try IdentityVault.open(row.sealed, caseID: row.case_id, with: old)
                try await sql.update("case_identities").set("sealed", to: try IdentityVault.seal(identity, caseID: row.case_id, with: new))
                    .set("key_id", to: new.id).where("case_id", .equal, row.case_id).run()
                count += 1
            }
            let scans = try await CaseScans.reseal(from: old, to: new, on: tx)
            try await AuditLog.record("identity.rotate", entityType: "installation", entityKey: "identity_key", unitID: nil,
                                      before: ["key": old.id], after: ["key": new.id, "count": "\(count)", "scans": "\(scans)"], by: .commandLine, on: tx)
            return (count, scans)
        }
    }
}
