import DanVanCore
import Fluent
import SQLKit

/// Finds the units a stored plan's lead and coordination columns name, among the units of the
/// plan's place and level and those directly below it (`PlanPartsWriter` writes them with the
/// tasks). Names that fit no single unit stay as written, to be assigned by hand.
enum TaskAssignment {
    struct Resolver {
        let candidates: [UnitNameMatcher.Candidate]
        let place: String

        func unitID(_ name: String) -> Int? {
            UnitNameMatcher.match(name, among: candidates, place: place)
        }
    }

    /// The units a plan's task columns may name: those of the plan unit's level whose name
    /// holds its place, and the units directly below it, active in the plan's year. One query.
    static func resolver(forPlanUnit unitID: Int, year: Int, on db: any Database) async throws -> Resolver? {
        let sql = try UnitClosure.sqlDatabase(db)
        guard let unit = try await sql.select().columns("name", "level").from(OrgUnit.schema).where("id", .equal, unitID).first() else { return nil }
        let place = placeName(of: try unit.decode(column: "name", as: String.self))
        let foldedPlace = VietnameseFolding.fold(place)
        let rows = try await sql.select().columns("id", "name", "valid_from", "valid_to").from(OrgUnit.schema)
            .where { group in
                group.where("level", .equal, try unit.decode(column: "level", as: String.self))
                    .where("search_text", .like, "%\(foldedPlace)%")
            }
            .orWhere("parent_id", .equal, unitID)
            .all()
        let day = CivilDate(year: year, month: 6, day: 30)
        var candidates: [UnitNameMatcher.Candidate] = []
        for row in rows {
            let name = try row.decode(column: "name", as: String.self)
            let from = try row.decode(column: "valid_from", as: String?.self).flatMap(CivilDate.init(parsing:))
            let to = try row.decode(column: "valid_to", as: String?.self).flatMap(CivilDate.init(parsing:))
            if let day, let from, day < from { continue }
            if let day, let to, to < day { continue }
            candidates.append(.init(id: try row.decode(column: "id", as: Int.self), name: name))
        }
        return Resolver(candidates: candidates, place: place)
    }

    /// "Huyện ủy Tam Đường" → "Tam Đường": Vietnamese place names are most often two words.
    static func placeName(of unitName: String) -> String {
        let plain = unitName.split(separator: "(").first.map(String.init) ?? unitName
        return plain.split(separator: " ").suffix(2).joined(separator: " ")
    }


    struct CoordinatorRow: Encodable {
        let task_id: Int
        let unit_id: Int
    }
}
