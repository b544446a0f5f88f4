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

    /// Plans of the user's subtree and of the units above it (nil roots: every plan), newest first.
    static func visible(to user: User, limit: Int = 300, on db: any Database) async throws -> [Plan] {
        guard let roots = Authorizer.visibleRoots(of: user) else {
            return try await Plan.query(on: db).sort(\.$year, .descending).sort(\.$id, .descending).limit(limit).all()
        }
        guard let own = roots.first else { return [] }
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT descendant_id AS unit_id FROM unit_closure WHERE ancestor_id = \(bind: own)
            UNION SELECT ancestor_id AS unit_id FROM unit_closure WHERE descendant_id = \(bind: own)
            """).all()
        let unitIDs = try rows.map { try $0.decode(column: "unit_id", as: Int.self) }
        return try await Plan.query(on: db).filter(\.$unitID ~~ unitIDs).sort(\.$year, .descending).sort(\.$id, .descending)
            .limit(limit).all()
    }

    static func rows(_ plans: [Plan], on db: any Database) async throws -> [PlanRow] {
        let unitIDs = Array(Set(plans.map(\.unitID)))
        let units = unitIDs.isEmpty ? [] : try await OrgUnit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.name) })
        return plans.map { PlanRow($0, unitName: names[$0.unitID] ?? "") }
    }

    /// Only the plans the user may read.
    static func readable(_ plans: [Plan], by user: User, on db: any Database) async throws -> [Plan] {
        var result: [Plan] = []
        for plan in plans {
            guard let unit = try await OrgUnit.find(plan.unitID, on: db) else { continue }
            if try await Authorizer.allows(user, .viewPlans, on: unit, db: db) { result.append(plan) }
        }
        return result
    }
}
