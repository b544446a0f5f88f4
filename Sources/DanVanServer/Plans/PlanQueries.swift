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

    /// Units whose plans the user may read: their subtree and the units above it (plans are
    /// sent down to implement). Nil: every unit (administrators). Matches `viewPlans` in the policy.
    static func readableUnitIDs(for user: User, on db: any Database) async throws -> Set<Int>? {
        guard let roots = Authorizer.visibleRoots(of: user) else { return nil }
        guard let own = roots.first else { return [] }
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT descendant_id AS unit_id FROM unit_closure WHERE ancestor_id = \(bind: own)
            UNION SELECT ancestor_id AS unit_id FROM unit_closure WHERE descendant_id = \(bind: own)
            """).all()
        return Set(try rows.map { try $0.decode(column: "unit_id", as: Int.self) })
    }

    /// Plans the user may read, newest first.
    static func visible(to user: User, limit: Int = 300, on db: any Database) async throws -> [Plan] {
        var query = Plan.query(on: db)
        if let unitIDs = try await readableUnitIDs(for: user, on: db) {
            query = query.filter(\.$unitID ~~ Array(unitIDs))
        }
        return try await query.sort(\.$year, .descending).sort(\.$id, .descending).limit(limit).all()
    }

    static func rows(_ plans: [Plan], on db: any Database) async throws -> [PlanRow] {
        let unitIDs = Array(Set(plans.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.name) })
        return plans.map { PlanRow($0, unitName: names[$0.unitID] ?? "") }
    }

    /// Only the plans the user may read: one query for the user's units, none per plan.
    static func readable(_ plans: [Plan], by user: User, on db: any Database) async throws -> [Plan] {
        guard let unitIDs = try await readableUnitIDs(for: user, on: db) else { return plans }
        return plans.filter { unitIDs.contains($0.unitID) }
    }
}
