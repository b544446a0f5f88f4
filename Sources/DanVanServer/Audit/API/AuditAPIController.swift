import Vapor

/// /api/audit: the log of the subtree the caller manages.
struct AuditAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("audit", use: list)
    }

    func list(req: Request) async throws -> [AuditEntryDTO] {
        let (roots, _) = try await AuditScope.resolve(req)
        return try await AuditQueries.recent(within: roots, on: req.db).map(AuditEntryDTO.init)
    }
}
