import DanVanCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// The numbers beside the menu's "Nhiệm vụ", "Báo cáo" and "Thông báo": one SQL statement,
/// kept for a short while per person so a page view costs at most one query for them.
struct MenuCounts: Sendable, Equatable {
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
                   AND o.due_on <= \(bind: today.adding(days: 7).description) AND \(bind: acts) = \(bind: true)) AS tasks
            """).first()
        guard let row else { return MenuCounts() }
        return MenuCounts(tasks: try row.decode(column: "tasks", as: Int.self),
                          reports: try row.decode(column: "waiting", as: Int.self) + (try row.decode(column: "returned", as: Int.self)),
                          unread: try row.decode(column: "unread", as: Int.self))
    }
}

/// Per person, the counts of the last half minute. A person's own action shows in the counts
/// within that time; other servers' caches are their own.
final class MenuCountCache: Sendable {
    static let lifetime: TimeInterval = 30
    private let entries = NIOLockedValueBox<[Int: (at: Date, counts: MenuCounts)]>([:])

    func counts(for user: User, today: CivilDate, on db: any Database, now: Date = Date()) async throws -> MenuCounts {
        let id = user.requireID
        if let cached = entries.withLockedValue({ $0[id] }), now.timeIntervalSince(cached.at) < Self.lifetime {
            return cached.counts
        }
        let fresh = try await MenuCounts.compute(for: user, today: today, on: db)
        entries.withLockedValue { entries in
            if entries.count > 50_000 { entries.removeAll() }
            entries[id] = (now, fresh)
        }
        return fresh
    }

    /// After the person's own action (reading a notice), so the number changes at once.
    func forget(_ userID: Int) {
        entries.withLockedValue { _ = $0.removeValue(forKey: userID) }
    }
}
