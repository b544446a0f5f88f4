import DanVanCore
import Fluent
import SQLKit

/// Which plans a reader may see, by `PlanReadership`: every page, list, link, coverage check,
/// upper-plan choice and cited document asks here, so a plan one may not read never shows.
enum PlanAccess {
    /// Units whose plans the holder reads by the unit rules: their subtree, the units above,
    /// and boards or offices of the committees above. Nil: every unit (administrators).
    static func readableUnitIDs(for holder: some AccessHolder, on db: any Database) async throws -> Set<Int>? {
        guard let roots = Authorizer.visibleRoots(of: holder) else { return nil }
        guard let own = roots.first else { return [] }
        let boardKinds = UnitKind.allCases.filter(\.issuesForParent).map(\.rawValue)
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT descendant_id AS unit_id FROM unit_closure WHERE ancestor_id = \(bind: own)
            UNION SELECT ancestor_id AS unit_id FROM unit_closure WHERE descendant_id = \(bind: own)
            UNION SELECT u.id AS unit_id FROM units u JOIN unit_closure c ON c.ancestor_id = u.parent_id
                WHERE c.descendant_id = \(bind: own) AND u.kind IN (\(binds: boardKinds))
            """).all()
        return Set(try rows.map { try $0.decode(column: "unit_id", as: Int.self) })
    }

    /// Plans read because a plan of a readable unit implements them.
    private static func implementedPlanIDs(byPlansOf unitIDs: Set<Int>, on db: any Database) async throws -> Set<Int> {
        guard !unitIDs.isEmpty else { return [] }
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT DISTINCT implements_plan_id AS id FROM plans
            WHERE implements_plan_id IS NOT NULL AND unit_id IN (\(binds: Array(unitIDs)))
            """).all()
        return Set(try rows.map { try $0.decode(column: "id", as: Int.self) })
    }

    /// Plans with a task led or coordinated by the holder's unit or a unit below it: a plan is
    /// read by the units it gives work to, wherever they sit in the tree.
    private static func addressedPlanIDs(for holder: some AccessHolder, on db: any Database) async throws -> Set<Int> {
        guard let own = holder.accessUnitID else { return [] }
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT t.plan_id AS id FROM plan_tasks t JOIN unit_closure c ON c.descendant_id = t.lead_unit_id
                WHERE c.ancestor_id = \(bind: own)
            UNION SELECT t.plan_id AS id FROM task_coordinators tc JOIN plan_tasks t ON t.id = tc.task_id
                JOIN unit_closure c ON c.descendant_id = tc.unit_id WHERE c.ancestor_id = \(bind: own)
            """).all()
        return Set(try rows.map { try $0.decode(column: "id", as: Int.self) })
    }

    static func mayRead(_ plan: Plan, by holder: some AccessHolder, on db: any Database) async throws -> Bool {
        if holder.accessRole == .admin { return true }
        if try await readsByUnit(plan.unitID, by: holder, on: db) { return true }
        if try await addressedPlanIDs(for: holder, on: db).contains(plan.requireID) {
            return PlanReadership.mayRead(holder.accessRole, planUnit: .unrelated, committee: nil, implementsIt: false, addressedByATask: true)
        }
        let implementing = try await Plan.query(on: db).filter(\.$implementsPlanID == plan.requireID).all(\.$unitID)
        for unitID in Set(implementing) where try await readsByUnit(unitID, by: holder, on: db) {
            return PlanReadership.mayRead(holder.accessRole, planUnit: .unrelated, committee: nil, implementsIt: true)
        }
        return false
    }

    /// The unit rules of `PlanReadership` for one plan's unit.
    private static func readsByUnit(_ unitID: Int, by holder: some AccessHolder, on db: any Database) async throws -> Bool {
        let planUnit = try await Authorizer.relation(of: holder, to: unitID, on: db)
        var committee: UnitRelation?
        if planUnit == .unrelated, let unit = try await OrgUnit.find(unitID, on: db), unit.unitKind.issuesForParent, let parent = unit.parentID {
            committee = try await Authorizer.relation(of: holder, to: parent, on: db)
        }
        return PlanReadership.mayRead(holder.accessRole, planUnit: planUnit, committee: committee, implementsIt: false)
    }

    static func requireReadable(_ plan: Plan, by holder: some AccessHolder, on db: any Database) async throws {
        guard try await mayRead(plan, by: holder, on: db) else { throw AppError.forbidden }
    }

    /// Only the plans the holder may read: two queries whatever the number of plans.
    static func readable(_ plans: [Plan], by holder: some AccessHolder, on db: any Database) async throws -> [Plan] {
        guard let unitIDs = try await readableUnitIDs(for: holder, on: db) else { return plans }
        let byUnit = plans.filter { unitIDs.contains($0.unitID) }
        guard byUnit.count < plans.count else { return plans }
        let alsoRead = try await implementedPlanIDs(byPlansOf: unitIDs, on: db).union(try await addressedPlanIDs(for: holder, on: db))
        return plans.filter { unitIDs.contains($0.unitID) || $0.id.map(alsoRead.contains) == true }
    }

    /// Plans the holder may read, newest first.
    static func visible(to holder: some AccessHolder, limit: Int = 300, on db: any Database) async throws -> [Plan] {
        var query = Plan.query(on: db)
        if let unitIDs = try await readableUnitIDs(for: holder, on: db) {
            let alsoRead = try await implementedPlanIDs(byPlansOf: unitIDs, on: db).union(try await addressedPlanIDs(for: holder, on: db))
            query = query.group(.or) { $0.filter(\.$unitID ~~ Array(unitIDs)).filter(\.$id ~~ Array(alsoRead)) }
        }
        return try await query.sort(\.$year, .descending).sort(\.$id, .descending).limit(limit).all()
    }
}
