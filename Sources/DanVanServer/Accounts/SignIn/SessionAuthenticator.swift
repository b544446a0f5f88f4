import Fluent
import SQLKit
import Vapor

/// Signs in the browser whose session cookie is known and unexpired. A cookie that names a
/// session no longer valid is remembered, so the login page can say the session expired.
/// Session, user, the user's unit name and the report generation come in one query: every
/// signed-in request pays it, and a cached dashboard needs nothing more.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = req.cookies[SessionCookie.name]?.string, !token.isEmpty else {
            return try await next.respond(to: req)
        }
        let row = try await UnitClosure.sqlDatabase(req.db).raw("""
            SELECT u.*, s.id AS session_row_id, s.expires_at AS session_expires_at, un.name AS session_unit_name,
                   (SELECT generation FROM report_generation WHERE id = 1) AS session_report_generation
            FROM user_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN units un ON un.id = u.unit_id
            WHERE s.token_hash = \(bind: SecretToken.hash(token))
            """).first()
        if let row {
            let user = try row.decode(fluentModel: User.self)
            if try row.decode(column: "session_expires_at", as: Date.self) > Date(), user.active {
                req.auth.login(user)
                req.storage[SessionUnitNameKey.self] = try row.decode(column: "session_unit_name", as: String?.self)
                req.storage[ReportGenerationKey.self] = try row.decode(column: "session_report_generation", as: Int?.self)
                return try await next.respond(to: req)
            }
            try await UserSession.query(on: req.db).filter(\.$id == row.decode(column: "session_row_id", as: Int.self)).delete()
        }
        req.storage[SessionExpiredKey.self] = true
        let response = try await next.respond(to: req)
        response.cookies[SessionCookie.name] = SessionCookie.expired
        return response
    }
}

enum SessionExpiredKey: StorageKey {
    typealias Value = Bool
}

/// The signed-in user's unit name, read with the session, for the page frame.
enum SessionUnitNameKey: StorageKey {
    typealias Value = String?
}

/// The report generation read with the session (see ReportGeneration).
enum ReportGenerationKey: StorageKey {
    typealias Value = Int?
}
