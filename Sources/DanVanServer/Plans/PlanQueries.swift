import DanVanCore
import Fluent
import SQLKit

/// Reads plans, limited to what the reader may see.
enum PlanQueries {
    static func require(id text: String, on db: any Database) async throws -> Plan {
        guard let id = Int(text), let plan = try await Plan.find(id, on: db) else {
            throw AppError.notFound("Không tìm thấy kế hoạch \"\(text)\".")
        }
        return plan
    }

    /// The unit's plan for the year, if it has one (a unit has one plan a year).
    static func existing(unitID: Int, year: Int, on db: any Database) async throws -> Plan? {
        try await Plan.query(on: db).filter(\.$unitID == unitID).filter(\.$year == year).first()
    }

    static func rows(_ plans: [Plan], on db: any Database) async throws -> [PlanRow] {
        let unitIDs = Array(Set(plans.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.name) })
        return plans.map { PlanRow($0, unitName: names[$0.unitID] ?? "") }
    }
}
