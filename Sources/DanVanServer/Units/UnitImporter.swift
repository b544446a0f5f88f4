import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// Imports a units CSV all or nothing: every bad row is reported with its line, and a single
/// bad row stores nothing. Codes already stored are updated; new codes are created.
enum UnitImporter {
    struct Summary: Sendable, Codable {
        let created: Int
        let updated: Int
    }

    /// - Parameter allowedRootIDs: subtrees the importer may write into (nil: anywhere).
    static func importCSV(_ data: Data, allowedRootIDs: [Int]?, by actor: AuditActor,
                          on db: any Database) async throws -> Summary {
        let table: CSVTable
        do {
            table = try CSVTable.parse(data)
        } catch {
            throw AppError.validation(error)
        }
        let existing = try await OrgUnit.query(on: db).all(\.$code)
        let rows: [UnitImportRow]
        switch UnitImportPlanner.plan(header: table.header, rows: table.rows, existingCodes: Set(existing)) {
        case .success(let planned): rows = planned
        case .failure(let failure): throw AppError.validation(failure)
        }
        return try await db.transaction { tx in
            var created = 0
            for row in rows {
                if try await apply(row, allowedRootIDs: allowedRootIDs, by: actor, on: tx) { created += 1 }
            }
            for row in rows where !row.successorCodes.isEmpty {
                try await atLine(row.line) {
                    let unit = try await UnitQueries.require(code: row.unit.code, on: tx)
                    let successors = try await UnitEnding.resolveSuccessors(row.successorCodes, of: unit, on: tx)
                    try await UnitEnding.replaceSuccessors(of: unit, with: successors, on: tx)
                }
            }
            return Summary(created: created, updated: rows.count - created)
        }
    }

    /// Returns true when the row created a unit, false when it updated one.
    private static func apply(_ row: UnitImportRow, allowedRootIDs: [Int]?, by actor: AuditActor,
                              on tx: any Database) async throws -> Bool {
        try await atLine(row.line) {
            if let parentCode = row.parentCode {
                try await requireWritable(parentCode, allowedRootIDs: allowedRootIDs, on: tx)
            } else if allowedRootIDs != nil {
                throw AppError.invalid("parent_code", "Chỉ quản trị hệ thống được tạo đơn vị gốc (không có cấp trên).")
            }
            guard let unit = try await UnitQueries.find(code: row.unit.code, on: tx) else {
                _ = try await UnitStore.insert(row.unit, parentCode: row.parentCode, reportsToCode: row.reportsToCode, by: actor, on: tx)
                return true
            }
            try await requireWritable(unit.code, allowedRootIDs: allowedRootIDs, on: tx)
            try await UnitStore.reparent(unit, to: row.parentCode, by: actor, on: tx)
            try await UnitStore.replaceFields(of: unit, with: row.unit, reportsToCode: row.reportsToCode, by: actor, on: tx)
            return false
        }
    }

    private static func requireWritable(_ code: String, allowedRootIDs: [Int]?, on tx: any Database) async throws {
        guard let allowedRootIDs else { return }
        let unit = try await UnitQueries.require(code: code, on: tx)
        for root in allowedRootIDs where try await UnitClosure.depth(from: root, to: unit.requireID, on: tx) != nil {
            return
        }
        throw AppError(.forbidden, "Đơn vị \"\(code)\" nằm ngoài phạm vi bạn quản lý.", field: "parent_code")
    }

    /// Re-labels an error from storing a row with that row's line.
    private static func atLine<T>(_ line: Int, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as AppError {
            let issue = ValidationIssue(field: error.field ?? "", message: error.reason, line: line)
            throw AppError(error.status == .forbidden ? .forbidden : .unprocessableEntity, issue.description,
                           field: error.field, issues: [issue])
        }
    }
}
