import DanVanCore
import Fluent
import Vapor

/// /api/todo, /api/notifications, /api/notification-preferences, /api/account/email and
/// /api/admin/mail: the same resources as the pages, for scripts and other clients.
struct NotificationsAPIController {
    struct ToDoDTO: Encodable {
        let items: [ToDoItem]
        let more: [String]
        let counts: MenuCounts
    }

    struct PreferencesDTO: Content {
        struct Kind: Content {
            let kind: String
            let label: String?
            let inApp: Bool
            let email: Bool
        }

        let timing: String
        let email: String?
        let emailVerified: Bool?
        let kinds: [Kind]
    }

    struct EmailInput: Content {
        var email: String?
    }

    func register(_ api: any RoutesBuilder) {
        api.get("todo", use: todo)
        api.get("notifications", use: list)
        api.post("notifications", ":id", "read", use: read)
        api.get("notification-preferences", use: preferences)
        api.put("notification-preferences", use: savePreferences)
        api.put("account", "email", use: setEmail)
        api.get("admin", "mail", use: adminMail)
    }

    func todo(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let unit = try await user.unitID.asyncMap { try await OrgUnit.find($0, on: req.db) } ?? nil
        let items = try await ToDoPage.items(for: user, unit: unit, today: req.today, relayConfigured: req.application.settings.smtpURL != nil, on: req.db)
        let counts = try await MenuCounts.compute(for: user, today: req.today, on: req.db)
        return try Self.json(ToDoDTO(items: items.list, more: items.more, counts: counts))
    }

    func list(req: Request) async throws -> Response {
        try Self.json(try await NotificationQueries.inbox(for: try req.requireUser(), unreadOnly: req.query[String.self, at: "unread"] == "1",
                                                          limit: 200, on: req.db))
    }

    func read(req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("id").flatMap(Int.init) else { throw AppError.notFound("Không tìm thấy thông báo.") }
        let user = try req.requireUser()
        _ = try await NotificationQueries.open(id, for: user, on: req.db)
        req.application.personalCache.forget(user.requireID)
        return .noContent
    }

    func preferences(req: Request) async throws -> PreferencesDTO {
        let user = try req.requireUser()
        guard let fresh = try await User.find(user.requireID, on: req.db) else { throw AppError.unauthenticated }
        let stored = try await PreferenceSaving.current(for: user.requireID, on: req.db)
        return PreferencesDTO(timing: fresh.timing.rawValue, email: fresh.email, emailVerified: fresh.emailVerifiedAt != nil,
                              kinds: NotificationKind.allCases.map { kind in
                                  let channels = stored[kind] ?? .standard
                                  return .init(kind: kind.rawValue, label: kind.label, inApp: channels.inApp, email: channels.email)
                              })
    }

    func savePreferences(req: Request) async throws -> PreferencesDTO {
        let input = try req.content.decode(PreferencesDTO.self)
        let user = try req.requireUser()
        try await PreferenceSaving.save(input.kinds.map { .init(kind: $0.kind, inApp: $0.inApp, email: $0.email) }, timing: input.timing,
                                        for: user.requireID, by: try req.actor, on: req.db)
        return try await preferences(req: req)
    }

    func setEmail(req: Request) async throws -> Response {
        let input = try req.content.decode(EmailInput.self)
        let queued = try await EmailVerification.setAddress(input.email ?? "", for: try req.requireUser().requireID, by: try req.actor, on: req.db)
        return Response(status: queued ? .accepted : .noContent)
    }

    func adminMail(req: Request) async throws -> Response {
        try req.requireAdmin()
        return try Self.json(try await AdminMailPage.query(settings: req.application.settings, on: req.db))
    }

    /// Answers that are only ever sent, never read back, encoded with the API's JSON settings.
    private static func json(_ value: some Encodable) throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(value, as: .json)
        return response
    }
}
