import DanVanCore
import Fluent
import SQLKit

/// What a dashboard request needs before its cached body: the unit, where it stands relative to
/// the user's own unit, and the report generation, in one query. A dashboard under load then
/// costs two queries (this and the session) and the page frame.
struct DashboardAccess {
    let unit: OrgUnit
    let relation: UnitRelation
    let generation: Int

    static func load(code: String, for user: User, on db: any Database) async throws -> DashboardAccess {
        let own = user.unitID ?? -1
        let row = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT u.*,
                   (SELECT depth FROM unit_closure WHERE ancestor_id = \(bind: own) AND descendant_id = u.id) AS depth_below_user,
                   (SELECT depth FROM unit_closure WHERE ancestor_id = u.id AND descendant_id = \(bind: own)) AS depth_above_user,
                   (SELECT generation FROM report_generation WHERE id = 1) AS report_generation
            FROM units u WHERE u.code = \(bind: code)
            """).first()
        guard let row else { throw AppError(.notFound, "Không tìm thấy đơn vị mã \"\(code)\".", field: "code") }
        let unit = try row.decode(fluentModel: OrgUnit.self)
        let relation: UnitRelation = if unit.id == user.unitID { .own }
            else if try row.decode(column: "depth_below_user", as: Int?.self) != nil { .descendant }
            else if try row.decode(column: "depth_above_user", as: Int?.self) != nil { .ancestor }
            else { .unrelated }
        return DashboardAccess(unit: unit, relation: relation, generation: try row.decode(column: "report_generation", as: Int?.self) ?? 0)
    }
}
