import DanVanCore
import Fluent
import SQLKit

/// "Dân vận khéo" on the to-do page: the unit's registrations returned to it, to complete and
/// send again; for a manager, the registrations below still waiting for acceptance.
enum ToDoModels {
    static func returned(to unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let models = try await MovementModel.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$status == ModelStatus.returned.rawValue)
            .filter(\.$year >= today.year - 1).sort(\.$id).limit(20).all()
        return models.map { model in
            ToDoItem(.model, what: "Bổ sung đăng ký mô hình “\(model.name)”", forWhom: unit.name, due: nil, note: model.reason.map { "Lý do: \($0)" },
                     href: SiteRoute.model(model.requireID).path, urgency: .of(due: nil, today: today, returned: true))
        }
    }

    static func waiting(below unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let row = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT COUNT(*) AS n FROM unit_closure c CROSS JOIN movement_models m
            WHERE c.ancestor_id = \(bind: unit.requireID) AND c.depth > 0 AND m.unit_id = c.descendant_id
              AND m.year = \(bind: today.year) AND m.status = \(bind: ModelStatus.registered.rawValue)
            """).first()
        let count = try row?.decode(column: "n", as: Int.self) ?? 0
        guard count > 0 else { return [] }
        return [ToDoItem(.model, what: "\(count) đăng ký mô hình “Dân vận khéo” chờ chấp nhận", forWhom: "Các đơn vị cấp dưới", due: nil,
                         href: SiteRoute.models.path + "?unit=\(unit.code)&year=\(today.year)&status=\(ModelStatus.registered.rawValue)",
                         urgency: .of(due: nil, today: today, waiting: true))]
    }
}
