import DanVanCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The numbers beside the menu's "Nhiệm vụ", "Báo cáo" and "Thông báo": one SQL statement,
/// kept for a short while per person so a page view costs at most one query for them.
struct MenuCounts: Sendable, Equatable, Encodable {
    /// Unfinished tasks the unit leads that are overdue or due within a week.
    var tasks = 0
    /// Reports below waiting for approval (managers) and the unit's own returned reports.
    var reports = 0
    var unread = 0

    static func compute(for user: User, today: CivilDate, on db: any Database) async throws -> MenuCounts {
        let sql = try UnitClosure.sqlDatabase(db)
        let unit = user.unitID ?? -1
        let approves = user.userRole == .manager || user.userRole == .admin
        let acts = user.userRole != .viewer
        let row = try await sql.raw("""
            SELECT
              (SELECT COUNT(*) FROM notifications n WHERE n.read_at IS NULL AND n.in_app = \(bind: true) AND \(NotificationQueries.visible(to: user))) AS unread,
              (SELECT COUNT(*) FROM reports r JOIN unit_closure c ON c.descendant_id = r.unit_id AND c.ancestor_id = \(bind: unit) AND c.depth > 0
                 WHERE r.state = 'submitted' AND \(bind: approves) = \(bind: true)) AS waiting,
              (SELECT COUNT(*) FROM reports r WHERE r.unit_id = \(bind: unit) AND r.state = 'returned' AND \(bind: acts) = \(bind: true)) AS returned,
              (SELECT COUNT(*) FROM task_occurrences o JOIN plan_tasks t ON t.id = o.task_id
                 WHERE t.lead_unit_id = \(bind: unit) AND o.state IN ('not_started', 'in_progress')
                   AND o.due_on >= \(bind: ToDoTasks.oldestDue(today: today))
                   AND o.due_on <= \(bind: today.adding(days: 7).description) AND \(bind: acts) = \(bind: true)) AS tasks
            """).first()
        guard let row else { return MenuCounts() }
        return MenuCounts(tasks: try row.decode(column: "tasks", as: Int.self),
                          reports: try row.decode(column: "waiting", as: Int.self) + (try row.decode(column: "returned", as: Int.self)),
                          unread: try row.decode(column: "unread", as: Int.self))
    }
}

/// Per person, what the last half minute computed: the menu's counts and the to-do page. A
/// person's own change (any form or API write) forgets theirs at once, so what they just did
/// shows; what others do shows within the half minute. Other servers keep their own.
final class PersonalCache: Sendable {
    static let lifetime: TimeInterval = 30
    static let capacity = 50_000

    private struct Entry {
        var counts: (at: Date, value: MenuCounts)?
        var toDo: (at: Date, value: HTML)?
    }

    private let entries = NIOLockedValueBox<[Int: Entry]>([:])

    func counts(for user: User, today: CivilDate, on db: any Database, now: Date = Date()) async throws -> MenuCounts {
        let id = user.requireID
        if let cached = entries.withLockedValue({ $0[id]?.counts }), now.timeIntervalSince(cached.at) < Self.lifetime {
            return cached.value
        }
        let fresh = try await MenuCounts.compute(for: user, today: today, on: db)
        store(id) { $0.counts = (now, fresh) }
        return fresh
    }

    /// The to-do page's body, rendered.
    func toDo(for user: User, today: CivilDate, relayConfigured: Bool, on db: any Database, now: Date = Date()) async throws -> HTML {
        let id = user.requireID
        if let cached = entries.withLockedValue({ $0[id]?.toDo }), now.timeIntervalSince(cached.at) < Self.lifetime {
            return cached.value
        }
        let counts = try await counts(for: user, today: today, on: db, now: now)
        let fresh = ToDoHTML.render(try await ToDoPage.query(for: user, today: today, relayConfigured: relayConfigured, counts: counts, on: db))
        store(id) { $0.toDo = (now, fresh) }
        return fresh
    }

    private func store(_ id: Int, _ change: (inout Entry) -> Void) {
        entries.withLockedValue { entries in
            if entries.count > Self.capacity { entries.removeAll() }
            change(&entries[id, default: Entry()])
        }
    }

    func forget(_ userID: Int) {
        entries.withLockedValue { _ = $0.removeValue(forKey: userID) }
    }
}

/// After a signed-in person's write (a form post, an API change), their cached counts and
/// to-do page are dropped, whatever the write was.
struct PersonalCacheMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if request.method != .GET, request.method != .HEAD, let user = request.auth.get(User.self) {
            request.application.personalCache.forget(user.requireID)
        }
        return response
    }
}
