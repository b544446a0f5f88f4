import DanVanCore
import Fluent
import SQLKit
import Vapor

/// Which units a reader may open, so that a page links only those and shows the others as
/// plain names: a page never leads to a refusal. Opening a unit is `viewUnit`: the reader's own
/// unit and everything below it (administrators: every unit). One query for a whole page.
struct UnitLinks: Sendable {
    /// nil: every unit.
    let openable: Set<Int>?

    static func load(for holder: some AccessHolder, among ids: [Int], on db: any Database) async throws -> UnitLinks {
        guard holder.accessRole != .admin else { return UnitLinks(openable: nil) }
        guard let own = holder.accessUnitID, !ids.isEmpty else { return UnitLinks(openable: []) }
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: own) AND descendant_id IN (\(binds: Array(Set(ids))))
            """).all()
        return UnitLinks(openable: Set(try rows.map { try $0.decode(column: "descendant_id", as: Int.self) }))
    }

    func mayOpen(_ unitID: Int) -> Bool { openable?.contains(unitID) ?? true }

    /// The unit's page, if the reader may open it.
    func href(_ unit: OrgUnit) -> String? { mayOpen(unit.requireID) ? SiteRoute.unit(unit.code).path : nil }

    /// The unit's dashboard, if the reader may open the unit.
    func dashboardHref(_ unit: OrgUnit, period: ReportPeriod? = nil) -> String? {
        guard mayOpen(unit.requireID) else { return nil }
        return SiteRoute.dashboard(unit.code).path + (period.map { "?period=" + $0.code } ?? "")
    }

    func row(_ unit: OrgUnit, today: CivilDate = Today.date) -> UnitRow {
        UnitRow(unit, today: today, href: href(unit))
    }
}

extension Request {
    /// The unit a page about "a unit's work" is about: `?unit=CODE` if the user may see it, else
    /// the user's own unit; an administrator, who has none, gets the first root of the tree.
    func chosenUnit() async throws -> OrgUnit {
        let user = try requireUser()
        if let code = UnitInput.nonEmpty(query[String.self, at: "unit"]) {
            let unit = try await UnitQueries.require(code: code, field: "unit", on: db)
            try await authorize(.viewUnit, on: unit)
            return unit
        }
        if let own = user.unitID, let unit = try await OrgUnit.find(own, on: db) { return unit }
        guard let root = try await UnitQueries.roots(on: db).sortedForDisplay().first else {
            throw AppError.notFound("Chưa có đơn vị nào; hãy thêm đơn vị trước.")
        }
        return root
    }
}
