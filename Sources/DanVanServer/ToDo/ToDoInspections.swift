import DanVanCore
import Fluent
import SQLKit

/// Inspection requirements on the to-do page: what the unit must fix that is overdue or due
/// within two weeks, and, for the inspecting unit, remedies reported and waiting to be accepted.
enum ToDoInspections {
    static func own(_ unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let horizon = today.adding(days: 14).description
        let rows = try await InspectionRequirement.query(on: db).filter(\.$unitID == unit.requireID)
            .filter(\.$stateRaw == RequirementState.open.rawValue).filter(\.$dueOn <= horizon).sort(\.$dueOn).limit(10).all()
        return rows.map { row in
            ToDoItem(.inspection, what: "Khắc phục sau kiểm tra: \(row.text)", forWhom: unit.name, due: row.due,
                     note: row.timeliness(today: today)?.label, href: SiteRoute.inspection(row.inspectionID).path,
                     urgency: .of(due: row.due, today: today))
        }
    }

    static func waiting(in unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let inspections = try await Inspection.query(on: db).filter(\.$unitID == unit.requireID).all().map(\.requireID)
        guard !inspections.isEmpty else { return [] }
        let rows = try await InspectionRequirement.query(on: db).filter(\.$inspectionID ~~ inspections)
            .filter(\.$stateRaw == RequirementState.reported.rawValue).sort(\.$dueOn).limit(10).all()
        let names = Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: db).filter(\.$id ~~ Set(rows.map(\.unitID))).all().map { ($0.requireID, $0.name) })
        return rows.map { row in
            ToDoItem(.inspection, what: "Xác nhận kết quả khắc phục: \(row.text)", forWhom: names[row.unitID] ?? "", due: nil,
                     note: "Đơn vị đã báo cáo khắc phục ngày \(row.fixedOn.flatMap(CivilDate.init(parsing:))?.vietnamese ?? "")",
                     href: SiteRoute.inspection(row.inspectionID).path, urgency: .of(due: nil, today: today, waiting: true))
        }
    }
}
