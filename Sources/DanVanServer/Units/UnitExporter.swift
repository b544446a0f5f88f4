import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// Writes units as CSV in the same columns the importer reads, so a file exported from one
/// installation imports into another.
enum UnitExporter {
    static func csv(rootIDs: [Int]?, on db: any Database) async throws -> Data {
        let units: [OrgUnit]
        if let rootIDs {
            units = try await UnitQueries.subtree(of: rootIDs, maxDepth: Int.max / 2, on: db)
        } else {
            units = try await OrgUnit.query(on: db).sort(\.$code).all()
        }
        let dtos = try await UnitQueries.dtos(units, on: db).sorted { $0.code < $1.code }
        let header = UnitCSVColumn.allCases.map(\.rawValue)
        let rows = dtos.map { unit in
            [unit.code, unit.name, unit.shortName ?? "", unit.kind, unit.level, unit.parentCode ?? "",
             unit.reportsToCode ?? "", unit.validFrom ?? "", unit.validTo ?? "", unit.successorCodes.joined(separator: ";")]
        }
        return try CSVTable.write(header: header, rows: rows)
    }
}
