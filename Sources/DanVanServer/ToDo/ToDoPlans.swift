import DanVanCore
import Fluent
import SQLKit

/// The plan lines of "Việc cần làm" for a manager: the plan the unit must make to implement the
/// one above, and the units directly below that have not issued theirs for the year.
enum ToDoPlans {
    static func lines(for unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let sql = try UnitClosure.sqlDatabase(db)
        let year = today.year
        var items: [ToDoItem] = []
        let issued: SQLQueryString = "p.year = \(bind: year) AND p.status = 'issued'"
        let ownPlan = try await sql.raw("SELECT MIN(p.id) AS id FROM plans p WHERE p.unit_id = \(bind: unit.requireID) AND \(issued)")
            .first()?.decode(column: "id", as: Int?.self)
        if ownPlan == nil, let parent = unit.parentID,
           let above = try await sql.raw("""
               SELECT p.id, p.number_normalized, u.name FROM plans p JOIN units u ON u.id = p.unit_id
               WHERE p.unit_id = \(bind: parent) AND \(issued) ORDER BY p.id LIMIT 1
               """).first() {
            let number = try above.decode(column: "number_normalized", as: String?.self) ?? "kế hoạch năm \(year)"
            items.append(ToDoItem(.plan, what: "Xây dựng kế hoạch năm \(year) thực hiện \(number)",
                                  forWhom: unit.name, due: nil, note: "Cấp trên (\(try above.decode(column: "name", as: String.self))) đã ban hành",
                                  href: SiteRoute.plan(try above.decode(column: "id", as: Int.self)).path,
                                  urgency: .of(due: nil, today: today, waiting: true)))
        }
        guard let ownPlan else { return items }
        let day = today.description
        let missing = try await sql.raw("""
            SELECT u.name FROM units u
            WHERE u.parent_id = \(bind: unit.requireID)
              AND (u.valid_from IS NULL OR u.valid_from <= \(bind: day)) AND (u.valid_to IS NULL OR u.valid_to >= \(bind: day))
              AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.unit_id = u.id AND \(issued))
            ORDER BY u.name
            """).all().map { try $0.decode(column: "name", as: String.self) }
        if !missing.isEmpty {
            let named = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? " và \(missing.count - 5) đơn vị khác" : "")
            items.append(ToDoItem(.plan, what: "Đôn đốc \(missing.count) đơn vị cấp dưới chưa ban hành kế hoạch năm \(year)",
                                  forWhom: named, due: nil, href: SiteRoute.plan(ownPlan).path,
                                  urgency: .of(due: nil, today: today, waiting: true)))
        }
        return items
    }
}
