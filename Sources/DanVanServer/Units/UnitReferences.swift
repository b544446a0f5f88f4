import DanVanCore
import Fluent

/// The units a write names besides the one it changes (a parent, the unit reported to, the
/// successors): each must exist and be one the actor may act on, so nobody can reach into
/// another subtree through a reference (a successor outside it would inherit its figures).
enum UnitReferences {
    static func require(_ code: String, field: String, label: String, by actor: Actor, on db: any Database) async throws -> OrgUnit {
        let unit = try await UnitQueries.require(code: code, field: field, on: db)
        try await requireActable(unit, field: field, label: label, by: actor, on: db)
        return unit
    }

    /// The unit a write names for the reports-to link. Kept as it was, it needs no new check: a
    /// manager re-saving a unit an administrator linked across trees is not refused.
    static func reportsTo(_ code: String?, currently current: Int?, by actor: Actor, on db: any Database) async throws -> OrgUnit? {
        guard let code = UnitInput.nonEmpty(code) else { return nil }
        let unit = try await UnitQueries.require(code: code, field: "reportsToCode", on: db)
        if unit.id != current {
            try await requireActable(unit, field: "reportsToCode", label: "Đơn vị báo cáo tới", by: actor, on: db)
        }
        return unit
    }

    static func requireActable(_ unit: OrgUnit, field: String, label: String, by actor: Actor, on db: any Database) async throws {
        guard try await Authorizer.allows(actor, .editUnit, on: unit, db: db) else {
            throw AppError(.forbidden, "\(label) \"\(unit.code)\" nằm ngoài phạm vi bạn quản lý.", field: field)
        }
    }

    /// The parent of a new or moved unit: a root needs an administrator, a parent needs `createChildUnit`.
    static func requireParent(_ code: String?, field: String, by actor: Actor, on db: any Database) async throws -> OrgUnit? {
        guard let code else {
            guard actor.role == .admin else {
                throw AppError(.forbidden, "Chỉ quản trị hệ thống được tạo đơn vị gốc (không có cấp trên).", field: field)
            }
            return nil
        }
        let parent = try await UnitQueries.require(code: code, field: field, on: db)
        try await Authorizer.require(actor, .createChildUnit, on: parent, db: db,
                                     message: "Bạn không được thêm đơn vị dưới đơn vị mã \"\(parent.code)\" (ngoài phạm vi bạn quản lý).")
        return parent
    }
}
