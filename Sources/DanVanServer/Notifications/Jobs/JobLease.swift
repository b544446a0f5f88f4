import Foundation
import SQLKit

/// One runner at a time across every server sharing the database: a row per job name, held by
/// whoever last took it until it expires. Taking it is one conditional UPDATE, so two servers
/// asking at once cannot both win.
enum JobLease {
    static func acquire(_ name: String, holder: String, seconds: Double, now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let at = now.timeIntervalSince1970
        try await sql.insert(into: "job_leases").columns("name", "holder", "expires_at")
            .values(SQLBind(name), SQLBind(""), SQLBind(0.0)).ignoringConflicts(with: ["name"]).run()
        let taken = try await sql.raw("""
            UPDATE job_leases SET holder = \(bind: holder), expires_at = \(bind: at + seconds)
            WHERE name = \(bind: name) AND (holder = \(bind: holder) OR expires_at < \(bind: at))
            RETURNING name
            """).all()
        return !taken.isEmpty
    }

    static func release(_ name: String, holder: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE job_leases SET expires_at = 0 WHERE name = \(bind: name) AND holder = \(bind: holder)").run()
    }

    /// The last day a daily job finished, kept on its lease row.
    static func doneOn(_ name: String, on sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT done_on FROM job_leases WHERE name = \(bind: name)").first()?.decode(column: "done_on", as: String?.self)
    }

    static func markDone(_ name: String, day: String, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "job_leases").columns("name", "holder", "expires_at")
            .values(SQLBind(name), SQLBind(""), SQLBind(0.0)).ignoringConflicts(with: ["name"]).run()
        try await sql.raw("UPDATE job_leases SET done_on = \(bind: day) WHERE name = \(bind: name)").run()
    }
}
