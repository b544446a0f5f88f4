import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Writes the synthetic national unit tree level by level, closure rows included.
enum NationalUnits {
    static let rootCode = "VN-BDVTW"

    struct Row: Encodable {
        let code: String, name: String, kind: String, level: String
        let parent_id: Int?
        let search_text: String
        let version = 1
        let created_at = Date(), updated_at = Date()
    }

    struct Tree {
        let rootID: Int
        let provinceIDs: [Int]
        let unitCount: Int
    }

    static func insert(_ shape: NationalShape, random: inout SplitMix, on sql: any SQLDatabase,
                       progress: (String) -> Void) async throws -> Tree {
        let root = try await insertLevel([row(rootCode, "Ban Dân vận Trung ương", .massMobilizationBoard, .central, parent: nil)], on: sql)
        let rootID = root[rootCode]!
        let provinceRows = (1...shape.provinces).map { index in
            row(String(format: "VN-T%02d", index), String(format: "Tỉnh ủy tỉnh số %02d", index), .partyCommittee, .province, parent: rootID)
        }
        let provinces = try await insertLevel(provinceRows, on: sql)
        var communeRows: [Row] = []
        for index in 0..<shape.communes {
            let province = index % shape.provinces + 1
            let code = String(format: "VN-T%02d-X%04d", province, index + 1)
            communeRows.append(row(code, String(format: "Đảng ủy xã số %04d, tỉnh số %02d", index + 1, province),
                                   .partyCommittee, .commune, parent: provinces[String(format: "VN-T%02d", province)]))
        }
        progress("Xã, phường: \(communeRows.count)")
        let communes = try await insertLevel(communeRows, on: sql)
        var cellRows: [Row] = []
        for commune in communeRows {
            let count = Int.random(in: shape.cellsPerCommune, using: &random)
            for cell in 1...count {
                cellRows.append(row(commune.code + String(format: "-CB%02d", cell), String(format: "Chi bộ số %02d, ", cell) + commune.name,
                                    .partyCell, .grassroots, parent: communes[commune.code]))
            }
        }
        progress("Chi bộ, thôn bản: \(cellRows.count)")
        _ = try await insertLevel(cellRows, on: sql)
        try await writeClosure(rootID: rootID, on: sql)
        return Tree(rootID: rootID, provinceIDs: provinceRows.compactMap { provinces[$0.code] },
                    unitCount: 1 + provinceRows.count + communeRows.count + cellRows.count)
    }

    private static func row(_ code: String, _ name: String, _ kind: UnitKind, _ level: UnitLevel, parent: Int?) -> Row {
        Row(code: code, name: name, kind: kind.rawValue, level: level.rawValue, parent_id: parent,
            search_text: VietnameseFolding.fold(code + " " + name))
    }

    private static func insertLevel(_ rows: [Row], on sql: any SQLDatabase) async throws -> [String: Int] {
        let inserted = try await SQLRows.insert(rows, into: OrgUnit.schema, returning: ["id", "code"], on: sql)
        var ids: [String: Int] = [:]
        for row in inserted { ids[try row.decode(column: "code", as: String.self)] = try row.decode(column: "id", as: Int.self) }
        return ids
    }

    /// Each unit is its own ancestor at depth 0, then inherits its parent's ancestors one
    /// level deeper: four statements for the whole tree instead of one per unit.
    private static func writeClosure(rootID: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
            SELECT id, id, 0 FROM units WHERE code = \(bind: rootCode) OR code LIKE 'VN-T%'
            """).run()
        for level in [UnitLevel.province, .commune, .grassroots] {
            try await sql.raw("""
                INSERT INTO unit_closure (ancestor_id, descendant_id, depth)
                SELECT c.ancestor_id, u.id, c.depth + 1 FROM units u JOIN unit_closure c ON c.descendant_id = u.parent_id
                WHERE u.level = \(bind: level.rawValue) AND (u.code LIKE 'VN-T%')
                """).run()
        }
    }
}
