import DanVanCore
import Fluent
import SQLKit

/// Reads units: by code, by subtree, by search. Writes live in UnitStore.
enum UnitQueries {
    static func find(code: String, on db: any Database) async throws -> OrgUnit? {
        try await OrgUnit.query(on: db).filter(\.$code == code).first()
    }

    static func require(code: String, field: String = "code", on db: any Database) async throws -> OrgUnit {
        guard let unit = try await find(code: code, on: db) else {
            throw AppError(.notFound, "Không tìm thấy đơn vị mã \"\(code)\".", field: field)
        }
        return unit
    }

    /// Codes of the given units, for turning ids into what users read.
    static func codes(for ids: [Int], on db: any Database) async throws -> [Int: String] {
        let wanted = Array(Set(ids))
        guard !wanted.isEmpty else { return [:] }
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ wanted).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.code) })
    }

    static func successorCodes(of unitID: Int, on db: any Database) async throws -> [String] {
        let links = try await UnitSuccessor.query(on: db).filter(\.$unitID == unitID).all()
        let codes = try await codes(for: links.map(\.successorID), on: db)
        return links.compactMap { codes[$0.successorID] }.sorted()
    }

    static func dto(_ unit: OrgUnit, on db: any Database) async throws -> UnitDTO {
        let codes = try await codes(for: [unit.parentID, unit.reportsToID].compactMap { $0 }, on: db)
        return UnitDTO(unit, codes: codes, successorCodes: try await successorCodes(of: unit.requireID, on: db))
    }

    static func dtos(_ units: [OrgUnit], on db: any Database) async throws -> [UnitDTO] {
        let ids = units.flatMap { [$0.parentID, $0.reportsToID].compactMap { $0 } }
        let codes = try await codes(for: ids, on: db)
        let links = try await UnitSuccessor.query(on: db).filter(\.$unitID ~~ units.map(\.requireID)).all()
        let successorCodes = try await Self.codes(for: links.map(\.successorID), on: db)
        let byUnit = Dictionary(grouping: links, by: \.unitID)
        let today = Today.date
        return units.map { unit in
            let successors = (byUnit[unit.requireID] ?? []).compactMap { successorCodes[$0.successorID] }.sorted()
            return UnitDTO(unit, codes: codes, successorCodes: successors, today: today)
        }
    }

    static func children(of unitID: Int, on db: any Database) async throws -> [OrgUnit] {
        try await OrgUnit.query(on: db).filter(\.$parentID == unitID).sort(\.$name).all()
    }

    static func roots(on db: any Database) async throws -> [OrgUnit] {
        try await OrgUnit.query(on: db).filter(\.$parentID == nil).sort(\.$name).all()
    }

    /// The units below `rootIDs` down to `maxDepth` levels, roots included.
    static func subtree(of rootIDs: [Int], maxDepth: Int, on db: any Database) async throws -> [OrgUnit] {
        guard !rootIDs.isEmpty else { return [] }
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT DISTINCT descendant_id FROM unit_closure
            WHERE ancestor_id IN (\(binds: rootIDs)) AND depth <= \(bind: maxDepth)
            """).all()
        let ids = try rows.map { try $0.decode(column: "descendant_id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        return try await OrgUnit.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    static func subtreeSize(of rootIDs: [Int], maxDepth: Int, on db: any Database) async throws -> Int {
        guard !rootIDs.isEmpty else { return 0 }
        let sql = try UnitClosure.sqlDatabase(db)
        let row = try await sql.raw("""
            SELECT COUNT(DISTINCT descendant_id) AS n FROM unit_closure
            WHERE ancestor_id IN (\(binds: rootIDs)) AND depth <= \(bind: maxDepth)
            """).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Units whose code, name or short name contains the query, ignoring tone marks, case and đ.
    /// `within` limits the search to those subtrees (nil: everywhere, for administrators).
    static func search(_ query: String, within rootIDs: [Int]?, limit: Int = 100, on db: any Database) async throws -> [OrgUnit] {
        let folded = VietnameseFolding.fold(query)
        guard !folded.isEmpty else { return [] }
        let pattern = "%" + escapeLike(folded) + "%"
        let sql = try UnitClosure.sqlDatabase(db)
        let scope: SQLQueryString = rootIDs.map { ids in
            "AND id IN (SELECT descendant_id FROM unit_closure WHERE ancestor_id IN (\(binds: ids.isEmpty ? [-1] : ids)))"
        } ?? ""
        let rows = try await sql.raw("""
            SELECT id FROM units WHERE search_text LIKE \(bind: pattern) ESCAPE '\\' \(scope) ORDER BY name LIMIT \(bind: limit)
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        return try await OrgUnit.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
