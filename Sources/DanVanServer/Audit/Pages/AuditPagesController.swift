import DanVanCore
import Vapor

/// The audit log of the subtree a manager looks after (everything, for administrators).
struct AuditPagesController {
    struct AuditPage: Encodable {
        let entries: [Line]
        let scope: String
    }

    struct Line: Encodable {
        let at: String
        let actor: String
        let action: String
        let object: String
        let changes: [AuditWording.Change]

        init(_ entry: AuditEntryDTO) {
            at = entry.atText
            actor = entry.actor
            action = AuditWording.action(entry.action)
            object = AuditWording.object(type: entry.entityType, key: entry.entityKey)
            changes = AuditWording.changes(before: entry.before, after: entry.after)
        }
    }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.audit.pathComponents, use: list)
    }

    func list(req: Request) async throws -> Response {
        let (roots, scope) = try await AuditScope.resolve(req)
        let entries = try await AuditQueries.recent(within: roots, on: req.db).map(AuditEntryDTO.init).map(Line.init)
        return try await req.renderPage("audit", title: "Nhật ký thay đổi", AuditPage(entries: entries, scope: scope))
    }
}

/// Which subtree's log a request asks for (`?unit=CODE`), checked against `viewAudit`.
enum AuditScope {
    static func resolve(_ req: Request) async throws -> (roots: [Int]?, label: String) {
        let user = try req.requireUser()
        if let code = UnitInput.nonEmpty(req.query[String.self, at: "unit"]) {
            let unit = try await UnitQueries.require(code: code, on: req.db)
            try await req.authorize(.viewAudit, on: unit)
            return ([unit.requireID], unit.name)
        }
        if user.userRole == .admin { return (nil, "Toàn hệ thống") }
        guard let unitID = user.unitID, let unit = try await OrgUnit.find(unitID, on: req.db) else { throw AppError.forbidden }
        try await req.authorize(.viewAudit, on: unit)
        return ([unitID], unit.name)
    }
}
