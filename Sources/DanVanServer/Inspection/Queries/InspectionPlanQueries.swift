import DanVanCore
import Fluent
import SQLKit

/// A unit's yearly inspection plan as pages and the API show it: each item with its units and
/// the inspection that carried it out.
enum InspectionPlanQueries {
    struct Item: Sendable {
        let item: InspectionPlanItem
        let subjects: [OrgUnit]
        let inspection: Inspection?
    }

    static func items(of unit: OrgUnit, year: Int, on db: any Database) async throws -> [Item] {
        let items = try await InspectionPlanItem.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$year == year)
            .sort(\.$month).sort(\.$id).all()
        guard !items.isEmpty else { return [] }
        let links = try await UnitClosure.sqlDatabase(db).select().column("item_id").column("unit_id").from("inspection_plan_subjects")
            .where("item_id", .in, items.map(\.requireID)).all()
            .map { (try $0.decode(column: "item_id", as: Int.self), try $0.decode(column: "unit_id", as: Int.self)) }
        let units = Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: db).filter(\.$id ~~ Set(links.map(\.1))).all().map { ($0.requireID, $0) })
        let inspections = Dictionary(uniqueKeysWithValues: try await Inspection.query(on: db).filter(\.$id ~~ items.compactMap(\.inspectionID)).all()
            .map { ($0.requireID, $0) })
        return items.map { item in
            Item(item: item, subjects: links.filter { $0.0 == item.requireID }.compactMap { units[$0.1] }.sortedForDisplay(),
                 inspection: item.inspectionID.flatMap { inspections[$0] })
        }
    }
}
