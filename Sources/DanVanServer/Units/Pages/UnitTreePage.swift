import DanVanCore
import Fluent
import SQLKit

/// The units page: the tree the user may see, or search results when a query is given.
struct UnitTreePage: Encodable {
    static let treeDepth = 3
    /// Above this many nodes the tree shows fewer levels, so a national administrator's page
    /// stays as light as a commune clerk's.
    static let maxNodes = 600

    let query: String
    let treeHTML: String
    let results: [UnitRow]
    let searched: Bool
    let canCreateRoot: Bool
    let canImport: Bool
    let newHref: String
    let treeHref = SiteRoute.units.path
    let importHref: String
    let exportHref: String

    static func query(for user: User, search: String, on db: any Database) async throws -> UnitTreePage {
        let visible = Authorizer.visibleRoots(of: user)
        let trimmed = search.trimmingCharacters(in: .whitespaces)
        var results: [UnitRow] = []
        var treeHTML = ""
        if trimmed.isEmpty {
            treeHTML = try await tree(visible: visible, on: db)
        } else {
            let today = Today.date
            results = try await UnitQueries.search(trimmed, within: visible, on: db).sortedForDisplay(on: today).map { UnitRow($0, today: today, href: SiteRoute.unit($0.code).path) }
        }
        let ownUnit = try await user.unitID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        var canImport = user.userRole == .admin
        if let ownUnit, !canImport {
            canImport = try await Authorizer.allows(user, .createChildUnit, on: ownUnit, db: db)
        }
        return UnitTreePage(query: trimmed, treeHTML: treeHTML, results: results, searched: !trimmed.isEmpty,
                            canCreateRoot: user.userRole == .admin, canImport: canImport,
                            newHref: SiteRoute.unitNew.path, importHref: SiteRoute.unitsImport.path,
                            exportHref: SiteRoute.unitsExport.path)
    }

    private static func tree(visible: [Int]?, on db: any Database) async throws -> String {
        let roots: [OrgUnit]
        if let visible {
            roots = try await OrgUnit.query(on: db).filter(\.$id ~~ visible).sort(\.$name).all()
        } else {
            roots = try await UnitQueries.roots(on: db)
        }
        let rootIDs = roots.map(\.requireID)
        var depth = treeDepth
        while depth > 0, try await UnitQueries.subtreeSize(of: rootIDs, maxDepth: depth, on: db) > maxNodes {
            depth -= 1
        }
        let units = try await UnitQueries.subtree(of: rootIDs, maxDepth: depth, on: db)
        let counts = try await hiddenChildCounts(units: units, roots: roots, on: db)
        return UnitTreeHTML(units: units, hiddenChildCounts: counts, today: Today.date).render(roots: roots).rendered
    }

    /// Children of the units on the last shown level, counted rather than sent.
    private static func hiddenChildCounts(units: [OrgUnit], roots: [OrgUnit], on db: any Database) async throws -> [Int: Int] {
        let shown = Set(units.map(\.requireID))
        let parentsShown = Set(units.compactMap(\.parentID))
        let frontier = units.map(\.requireID).filter { !parentsShown.contains($0) }
        guard !frontier.isEmpty else { return [:] }
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT parent_id, COUNT(*) AS n FROM units WHERE parent_id IN (\(binds: frontier)) GROUP BY parent_id
            """).all()
        var counts: [Int: Int] = [:]
        for row in rows {
            let parent = try row.decode(column: "parent_id", as: Int.self)
            if shown.contains(parent) { counts[parent] = try row.decode(column: "n", as: Int.self) }
        }
        return counts
    }
}
