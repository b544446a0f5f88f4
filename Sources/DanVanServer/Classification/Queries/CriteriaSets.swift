import DanVanCore
import Fluent

/// Which criteria sets a unit may grade by: those issued by the unit itself or a unit above it
/// (a province's decision grades the province's communes).
enum CriteriaSets {
    static func issuers(for unit: OrgUnit, on db: any Database) async throws -> [Int] {
        try await UnitClosure.sqlDatabase(db).raw("SELECT ancestor_id FROM unit_closure WHERE descendant_id = \(bind: unit.requireID)").all()
            .map { try $0.decode(column: "ancestor_id", as: Int.self) }
    }

    static func usable(_ set: CriteriaSet, by unit: OrgUnit, on db: any Database) async throws -> Bool {
        try await issuers(for: unit, on: db).contains(set.unitID)
    }

    /// A set for someone related to its issuer (below or above): sets are the issuer's public decisions.
    static func visible(_ id: Int, by user: User, on db: any Database) async throws -> CriteriaSet {
        guard let set = try await CriteriaSet.find(id, on: db) else { throw AppError.notFound("Không tìm thấy bộ tiêu chí.") }
        guard try await Authorizer.allows(user, .viewPlans, onUnitID: set.unitID, db: db) else {
            throw AppError(.forbidden, "Bạn không có quyền xem bộ tiêu chí này.")
        }
        return set
    }

    /// Every version a unit may use, newest first.
    static func available(for unit: OrgUnit, on db: any Database) async throws -> [CriteriaSet] {
        let issuers = try await issuers(for: unit, on: db)
        return try await CriteriaSet.query(on: db).filter(\.$unitID ~~ issuers).sort(\.$validFrom, .descending).sort(\.$id, .descending).all()
    }
}
