import DanVanCore
import Fluent
import SQLKit

/// Gives a stored plan's tasks their lead and coordinating units, from the names the plan's
/// columns give, among the units of the plan's place and level (and the plan unit's own
/// subtree). Names that fit no single unit stay as written, to be assigned by hand.
enum TaskAssignment {
    struct Resolver {
        let candidates: [UnitNameMatcher.Candidate]
        let place: String

        func unitID(_ name: String) -> Int? {
            UnitNameMatcher.match(name, among: candidates, place: place)
        }
    }

    static func resolver(forPlanUnit unitID: Int, year: Int, on db: any Database) async throws -> Resolver? {
        guard let unit = try await OrgUnit.find(unitID, on: db) else { return nil }
        let day = CivilDate(year: year, month: 6, day: 30)
        let place = placeName(of: unit.name)
        let foldedPlace = VietnameseFolding.fold(place)
        let sameLevel = try await OrgUnit.query(on: db).filter(\.$level == unit.level)
            .filter(\.$searchText, .custom("LIKE"), "%\(foldedPlace)%").all()
            .filter { VietnameseFolding.fold($0.name).hasSuffix(foldedPlace) }
        let below = try await UnitQueries.subtree(of: [unitID], maxDepth: 3, on: db)
        let units = Dictionary((sameLevel + below).map { ($0.requireID, $0) }, uniquingKeysWith: { first, _ in first }).values
            .filter { unit in day.map { unit.isActive(on: $0) } ?? true }
        return Resolver(candidates: units.map { .init(id: $0.requireID, name: $0.name) }, place: place)
    }

    /// "Huyện ủy Tam Đường" → "Tam Đường": Vietnamese place names are most often two words.
    static func placeName(of unitName: String) -> String {
        let plain = unitName.split(separator: "(").first.map(String.init) ?? unitName
        return plain.split(separator: " ").suffix(2).joined(separator: " ")
    }

    /// Sets lead and coordinators for the plan's tasks that have none yet.
    static func assign(planID: Int, unitID: Int, year: Int, on db: any Database) async throws {
        guard let resolver = try await resolver(forPlanUnit: unitID, year: year, on: db) else { return }
        let sql = try UnitClosure.sqlDatabase(db)
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).filter(\.$leadUnitID == nil).all()
        var coordinators: [(task: Int, unit: Int)] = []
        for task in tasks {
            if let lead = PlanPartsWriter.names(task.leadNames).lazy.compactMap(resolver.unitID).first {
                try await sql.update(PlanTaskRecord.schema).set("lead_unit_id", to: lead).where("id", .equal, task.requireID).run()
            }
            let units = Set(PlanPartsWriter.names(task.coordinatingNames).compactMap(resolver.unitID))
            coordinators += units.sorted().map { (task.requireID, $0) }
        }
        struct Row: Encodable { let task_id: Int; let unit_id: Int }
        try await SQLRows.insert(coordinators.map { Row(task_id: $0.task, unit_id: $0.unit) }, into: "task_coordinators", on: sql)
    }
}
