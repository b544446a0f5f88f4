import ArgumentParser
import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan benchmark deadlines`: the nightly deadline job over the national dataset against its
/// floor, one bare SELECT per reporting duty and period returning the same due items with the
/// people they go to (and the due tasks), measured in the same process on the same database.
/// Every unit without an account first gets one reporter (`bench-<id>`), as a deployment would
/// have; each run starts from no notices. The median of the runs counts.
struct DeadlineBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deadlines",
                                                    abstract: "Việc nhắc hạn hằng đêm so với câu SELECT trần (Benchmarks/run-todo).")

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "Ngày chạy việc nhắc hạn.") var day = "2025-12-03"
    @ArgumentParser.Option(help: "Số lần đo (lấy trung vị).") var runs = 3

    func run() async throws {
        guard let today = CivilDate(parsing: day) else { throw AppError.invalid("day", "Ngày \"\(day)\" không hợp lệ; ghi dạng 2025-12-03.") }
        let result = try await AppRunner.withApplication(try common.settings(), .writes) { app in
            try await DeadlineBenchmark.run(today: today, runs: runs, hashing: PasswordHashing(app), on: app.db)
        }
        CommandOutput.line(String(format: "units=%d due_items=%d notices=%d job_ms=%.0f floor_rows=%d floor_ms=%.0f ratio=%.2f",
                                  result.units, result.events, result.notices, result.jobMs, result.floorRows, result.floorMs,
                                  result.jobMs / max(result.floorMs, 0.001)) + " commune_user=" + result.communeUser)
    }
}

enum DeadlineBenchmark {
    struct Result {
        let units: Int
        let events: Int
        let notices: Int
        let jobMs: Double
        let floorRows: Int
        let floorMs: Double
        /// A commune reporter's account, for the to-do page under load.
        let communeUser: String
    }

    static let password = "DanVan@2025"

    static func run(today: CivilDate, runs: Int, hashing: PasswordHashing, on db: any Database) async throws -> Result {
        let sql = try UnitClosure.sqlDatabase(db)
        try await addReporters(hash: try await hashing.hash(password), on: sql)
        var jobs: [Double] = [], floors: [Double] = []
        var events = 0, rows = 0
        for _ in 0..<max(1, runs) {
            try await sql.raw("DELETE FROM mail_outbox").run()
            try await sql.raw("DELETE FROM notifications").run()
            let (outcome, jobMs) = try await timed { try await DeadlineNotices.run(today: today, on: db) }
            events = outcome.events
            jobs.append(jobMs)
            let (count, floorMs) = try await timed { try await floor(today: today, on: db) }
            rows = count
            floors.append(floorMs)
        }
        let units = try await sql.raw("SELECT COUNT(*) AS n FROM units").first()?.decode(column: "n", as: Int.self) ?? 0
        let notices = try await sql.raw("SELECT COUNT(*) AS n FROM notifications").first()?.decode(column: "n", as: Int.self) ?? 0
        let commune = try await sql.raw("""
            SELECT x.username FROM users x JOIN units u ON u.id = x.unit_id
            WHERE u.level = 'commune' AND x.role = 'reporter' ORDER BY u.code LIMIT 1
            """).first()?.decode(column: "username", as: String.self) ?? ""
        return Result(units: units, events: events, notices: notices, jobMs: median(jobs), floorRows: rows, floorMs: median(floors),
                      communeUser: commune)
    }

    /// One reporter for every unit that has no account, in one statement.
    private static func addReporters(hash: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO users (username, full_name, unit_id, role, password_hash, active, version, created_at, updated_at)
            SELECT \(literal: "bench-") || LOWER(u.code), \(literal: "Cán bộ ") || u.code, u.id, 'reporter', \(bind: hash), \(bind: true), 1,
                   \(bind: Date()), \(bind: Date())
            FROM units u WHERE NOT EXISTS (SELECT 1 FROM users x WHERE x.unit_id = u.id)
            """).run()
    }

    /// The same due items with their recipients, selected bare: per duty and period in the
    /// windows, the units owing the report joined to their managers and reporters and their
    /// preference for the notice; and the due tasks. The rows the job needs, and nothing done with them.
    private static func floor(today: CivilDate, on db: any Database) async throws -> Int {
        let sql = try UnitClosure.sqlDatabase(db)
        var rows = 0
        let schemes = try await sql.raw("""
            SELECT s.scope_unit_id, s.frequency, MIN(s.deadline_days) AS deadline_days, p.year FROM report_schemes s
            JOIN plans p ON p.id = s.plan_id WHERE p.year IN (\(bind: today.year - 1), \(bind: today.year))
            GROUP BY s.scope_unit_id, s.frequency, p.year
            """).all()
        for scheme in schemes {
            let frequency = ReportFrequency(rawValue: try scheme.decode(column: "frequency", as: String.self)) ?? .month
            let days = try scheme.decode(column: "deadline_days", as: Int.self)
            for period in frequency.periods(in: try scheme.decode(column: "year", as: Int.self)) {
                let deadline = period.deadline(afterDays: days)
                guard deadline >= today.adding(days: -DeadlineNotices.catchUpDays), deadline <= today.adding(days: DeadlineNotices.aheadDays) else { continue }
                rows += try await sql.raw("""
                    SELECT u.id, u.code, u.name, s.id AS user_id, s.email, s.email_verified_at, s.mail_timing, p.in_app, p.email AS pref_email
                    FROM unit_closure d
                    JOIN units u ON u.id = d.descendant_id
                    JOIN users s ON s.unit_id = u.id AND s.active = \(bind: true) AND s.role IN ('manager', 'reporter')
                    LEFT JOIN notification_preferences p ON p.user_id = s.id AND p.kind = \(bind: deadline < today ? "report.overdue" : "report.due_soon")
                    LEFT JOIN reports r ON r.unit_id = u.id AND r.year = \(bind: period.year) AND r.end_month = \(bind: period.lastMonth)
                    WHERE d.ancestor_id = \(bind: try scheme.decode(column: "scope_unit_id", as: Int.self))
                      AND (u.valid_from IS NULL OR u.valid_from <= \(bind: period.lastDay.description))
                      AND (u.valid_to IS NULL OR u.valid_to >= \(bind: period.firstDay.description))
                      AND (r.id IS NULL OR r.state IN ('draft', 'returned'))
                    """).all().count
            }
        }
        rows += try await DeadlineNotices.taskEvents(today: today, on: db).count
        return rows
    }

    static func timed<T>(_ work: () async throws -> T) async throws -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try await work()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}
