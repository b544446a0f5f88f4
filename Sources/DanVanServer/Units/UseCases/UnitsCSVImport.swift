import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// Imports a units CSV all or nothing: every bad row is reported with its line, and a single
/// bad or forbidden row stores nothing. Codes already stored are updated; new codes are
/// created. Each row is held to the rule its change would meet on the unit pages: adding under
/// a parent, editing, moving, changing validity and naming successors or a unit reported to.
enum UnitsCSVImport {
    struct Summary: Sendable, Codable {
        let created: Int
        let updated: Int
    }

    static func perform(_ data: Data, by actor: Actor, on db: any Database) async throws -> Summary {
        if actor.role != .admin {
            guard let own = actor.unitID else { throw AppError.forbidden }
            try await Authorizer.require(actor, .createChildUnit, onUnitID: own, db: db)
        }
        let rows = try await plannedRows(data, on: db)
        return try await db.writeTransaction { tx in
            var created = 0
            for row in rows {
                if try await atLine(row.line, { try await apply(row, by: actor, on: tx) }) { created += 1 }
            }
            for row in rows where !row.successorCodes.isEmpty {
                try await atLine(row.line) { try await nameSuccessors(row, by: actor, on: tx) }
            }
            return Summary(created: created, updated: rows.count - created)
        }
    }

    private static func plannedRows(_ data: Data, on db: any Database) async throws -> [UnitImportRow] {
        let table: CSVTable
        do {
            table = try CSVTable.parse(data)
        } catch {
            throw AppError.validation(error)
        }
        let existing = try await OrgUnit.query(on: db).all(\.$code)
        switch UnitImportPlanner.plan(header: table.header, rows: table.rows, existingCodes: Set(existing)) {
        case .success(let planned): return planned
        case .failure(let failure): throw AppError.validation(failure)
        }
    }

    /// Returns true when the row created a unit, false when it updated one.
    private static func apply(_ row: UnitImportRow, by actor: Actor, on tx: any Database) async throws -> Bool {
        guard let unit = try await UnitQueries.find(code: row.unit.code, on: tx) else {
            _ = try await UnitReferences.requireParent(row.parentCode, field: "parent_code", by: actor, on: tx)
            let reportsTo = try await UnitReferences.reportsTo(row.reportsToCode, currently: nil, by: actor, on: tx)
            _ = try await UnitStore.insert(row.unit, parentCode: row.parentCode, reportsTo: reportsTo, by: actor, on: tx)
            return true
        }
        try await Authorizer.require(actor, .editUnit, on: unit, db: tx,
                                     message: "Đơn vị \"\(unit.code)\" nằm ngoài phạm vi bạn quản lý.")
        let currentParent = try await unit.parentID.asyncMap { try await OrgUnit.find($0, on: tx)?.code } ?? nil
        if row.parentCode != currentParent {
            try await Authorizer.require(actor, .moveUnit, on: unit, db: tx, message: "Bạn không được chuyển \"\(unit.code)\" sang cấp trên khác.")
            _ = try await UnitReferences.requireParent(row.parentCode, field: "parent_code", by: actor, on: tx)
        }
        if row.unit.validFrom?.description != unit.validFrom || row.unit.validTo?.description != unit.validTo {
            try await Authorizer.require(actor, .endUnit, on: unit, db: tx,
                                         message: "Ngày bắt đầu, ngày kết thúc của \"\(unit.code)\" do cấp trên thay đổi.")
            if let end = row.unit.validTo, end.description != unit.validTo {
                try await UnitEnding.checkCanEnd(unit, on: end, from: row.unit.validFrom, on: tx)
            }
        }
        let reportsTo = try await UnitReferences.reportsTo(row.reportsToCode, currently: unit.reportsToID, by: actor, on: tx)
        try await UnitStore.reparent(unit, to: row.parentCode, by: actor, on: tx)
        try await UnitStore.replaceFields(of: unit, with: row.unit, reportsTo: reportsTo, by: actor, on: tx)
        return false
    }

    /// Naming successors is part of ending a unit: the level above does it, and each successor
    /// must be a unit the actor may act on. A row that repeats the successors already stored passes.
    private static func nameSuccessors(_ row: UnitImportRow, by actor: Actor, on tx: any Database) async throws {
        let unit = try await UnitQueries.require(code: row.unit.code, on: tx)
        let current = try await UnitQueries.dto(unit, on: tx).successorCodes
        guard Set(current) != Set(row.successorCodes) else { return }
        try await Authorizer.require(actor, .endUnit, on: unit, db: tx,
                                     message: "Đơn vị kế thừa của \"\(unit.code)\" do cấp trên của nó xác định.")
        let successors = try await UnitEnding.resolveSuccessors(row.successorCodes, of: unit, by: actor, on: tx)
        try await UnitEnding.replaceSuccessors(of: unit, with: successors, on: tx)
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
