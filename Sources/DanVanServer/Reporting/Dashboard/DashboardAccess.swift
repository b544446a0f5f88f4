import DanVanCore
import Fluent
import SQLKit

/// What a dashboard request needs before its cached body: the unit, where it stands relative to
/// the user's own unit, and the report generation, in one query, itself cached per generation
/// (read with the session), so a dashboard under load costs the session's query and the frame.
struct DashboardAccess: @unchecked Sendable {
    let unit: OrgUnit
    let relation: UnitRelation
    let generation: Int

    static func cached(code: String, for user: User, generation: Int?, in cache: GenerationCache<DashboardAccess>,
                       on db: any Database) async throws -> DashboardAccess {
        guard let generation else { return try await load(code: code, for: user, on: db) }
        let userID = user.requireID
        let unitID = user.unitID
        return try await cache.value(for: "\(userID)|\(unitID ?? -1)|\(code)", generation: generation) {
            try await load(code: code, userUnitID: unitID, on: db)
        }
    }

    static func load(code: String, for user: User, on db: any Database) async throws -> DashboardAccess {
        try await load(code: code, userUnitID: user.unitID, on: db)
    }

    private static func load(code: String, userUnitID: Int?, on db: any Database) async throws -> DashboardAccess {
        let own = userUnitID ?? -1
        let row = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT u.*,
                   (SELECT depth FROM unit_closure WHERE ancestor_id = \(bind: own) AND descendant_id = u.id) AS depth_below_user,
                   (SELECT depth FROM unit_closure WHERE ancestor_id = u.id AND descendant_id = \(bind: own)) AS depth_above_user,
                   (SELECT generation FROM report_generation WHERE id = 1) AS report_generation
            FROM units u WHERE u.code = \(bind: code)
            """).first()
        guard let row else { throw AppError(.notFound, "Không tìm thấy đơn vị mã \"\(code)\".", field: "code") }
        let unit = try row.decode(fluentModel: OrgUnit.self)
        let relation: UnitRelation = if unit.id == userUnitID { .own }
            else if try row.decode(column: "depth_below_user", as: Int?.self) != nil { .descendant }
            else if try row.decode(column: "depth_above_user", as: Int?.self) != nil { .ancestor }
            else { .unrelated }
        return DashboardAccess(unit: unit, relation: relation, generation: try row.decode(column: "report_generation", as: Int?.self) ?? 0)
    }
}
