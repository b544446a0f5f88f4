import ArgumentParser
import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan benchmark submissions`: year-end on the national dataset. `clients` tasks submit the
/// December reports of party cells that are siblings under the same communes (each submission
/// recomputes the commune's child sums), then approve them, through the same use cases the
/// pages and the API call. The floor, measured in the same run with the same clients, inserts
/// the same report rows and figures into scratch tables, one transaction per report.
struct SubmissionBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submissions",
                                                    abstract: "Gửi và duyệt báo cáo đồng thời so với chèn trần (Benchmarks/run-submissions).")

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "Số người gửi đồng thời.") var clients = 32
    @ArgumentParser.Option(help: "Số báo cáo gửi (và duyệt).") var reports = 2_000

    func run() async throws {
        let result = try await AppRunner.withApplication(try common.settings(), .writes) { app in
            try await SubmissionBenchmark.run(clients: clients, reports: reports, on: app.db)
        }
        CommandOutput.line(result.line)
    }
}

enum SubmissionBenchmark {
    struct Result {
        let operations: Int
        let seconds: Double
        let floorSeconds: Double
        let errors: Int
        let firstError: String?
        let p99Ms: Double

        var submitRPS: Double { Double(operations) / seconds }
        var floorRPS: Double { Double(operations) / floorSeconds }

        var line: String {
            String(format: "submit_rps=%.0f floor_rps=%.0f ratio=%.2f errors=%d p99_ms=%.1f", submitRPS, floorRPS, submitRPS / floorRPS, errors, p99Ms)
                + (firstError.map { "\nfirst_error=\($0)" } ?? "")
        }
    }

    /// December of the national year, on a day it is due but not closed.
    static let period = ReportPeriod(frequency: .month, year: NationalShape.national.year, index: 12)!
    static let day = CivilDate(year: NationalShape.national.year + 1, month: 1, day: 3)!

    static func run(clients: Int, reports: Int, on db: any Database) async throws -> Result {
        let cells = try await siblingCells(count: reports, on: db)
        try await clear(cells, on: db)
        let forms = try await cells.asyncMapSequential { try await ReportForm.load(unitID: $0, period: period, on: db) }
        let latencies = LatencyLog()
        let submitter = Actor(userID: nil, name: "đo-gửi", displayName: "Đo tốc độ", role: .admin, unitID: nil, credential: .commandLine)
        let approver = Actor(userID: nil, name: "đo-duyệt", displayName: "Đo tốc độ", role: .admin, unitID: nil, credential: .commandLine)
        let start = ContinuousClock.now
        try await concurrently(forms, clients: clients, log: latencies) { form in
            _ = try await ReportEntering.enter(.submit, form: form, input: figures(form), by: submitter, today: day, on: db)
        }
        try await concurrently(forms, clients: clients, log: latencies) { form in
            guard let report = try await ReportLookup.report(unitID: form.unitID, period: period, on: db) else { throw AppError.notFound("") }
            _ = try await ReportDeciding.decide(.approve, report: report, reason: "", readVersion: report.version, by: approver, on: db)
        }
        let seconds = (ContinuousClock.now - start).seconds
        let floorSeconds = try await floor(forms, clients: clients, on: db)
        return Result(operations: forms.count * 2, seconds: seconds, floorSeconds: floorSeconds, errors: latencies.errors,
                      firstError: latencies.firstError, p99Ms: latencies.percentile(0.99))
    }

    /// Party cells of whole communes, in commune order, so that siblings are submitted together.
    private static func siblingCells(count: Int, on db: any Database) async throws -> [Int] {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT u.id FROM units u JOIN units p ON p.id = u.parent_id
            WHERE u.level = 'grassroots' AND p.code LIKE 'VN-T%' ORDER BY u.parent_id, u.id LIMIT \(bind: count)
            """).all()
        return try rows.map { try $0.decode(column: "id", as: Int.self) }
    }

    /// The cells' December reports are removed first (not timed), so every submission starts a report.
    private static func clear(_ cells: [Int], on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        for chunk in stride(from: 0, to: cells.count, by: 500).map({ Array(cells[$0..<min($0 + 500, cells.count)]) }) {
            try await sql.raw("DELETE FROM reports WHERE year = \(bind: period.year) AND end_month = 12 AND unit_id IN (\(binds: chunk))").run()
        }
        let parents = try await sql.raw("SELECT DISTINCT parent_id FROM units WHERE id IN (\(binds: Array(cells.prefix(2_000))))").all()
        for row in parents {
            try await ReportChildSums.refresh(parentID: try row.decode(column: "parent_id", as: Int.self), year: period.year, endMonth: 12, on: db)
        }
    }

    private static func figures(_ form: ReportForm) -> ReportInput {
        var input = ReportInput()
        input.confirmJumps = true
        for (index, item) in form.items.enumerated() {
            let value = 5 + (form.unitID + index) % 20
            input.figures[item.indicatorID] = switch item.kind {
            case .ratio: .init(numerator: "\(value)", denominator: "30")
            case .yesNo: .init(numerator: "\(value % 2)")
            default: .init(numerator: "\(value % 3)")
            }
        }
        return input
    }

    /// The same report rows and figures into scratch tables, one transaction per report, by the same number of clients.
    private static func floor(_ forms: [ReportForm], clients: Int, on db: any Database) async throws -> Double {
        let sql = try UnitClosure.sqlDatabase(db)
        try await sql.raw("DROP TABLE IF EXISTS bench_reports").run()
        try await sql.raw("DROP TABLE IF EXISTS bench_values").run()
        try await sql.raw("CREATE TABLE bench_reports (id INTEGER PRIMARY KEY, unit_id INTEGER, year INTEGER, end_month INTEGER, state TEXT, version INTEGER)").run()
        try await sql.raw("CREATE TABLE bench_values (report_id INTEGER, indicator_id INTEGER, numerator INTEGER, denominator INTEGER)").run()
        let ids = LatencyLog()
        let start = ContinuousClock.now
        for state in ["submitted", "approved"] {
            try await concurrently(Array(forms.enumerated()), clients: clients, log: ids) { index, form in
                let id = state == "submitted" ? index + 1 : forms.count + index + 1
                try await db.writeTransaction { tx in
                    let sql = try UnitClosure.sqlDatabase(tx)
                    try await sql.raw("""
                        INSERT INTO bench_reports (id, unit_id, year, end_month, state, version)
                        VALUES (\(bind: id), \(bind: form.unitID), \(bind: period.year), 12, \(bind: state), 1)
                        """).run()
                    for item in form.items {
                        try await sql.raw("INSERT INTO bench_values VALUES (\(bind: id), \(bind: item.indicatorID), 10, 30)").run()
                    }
                }
            }
        }
        let seconds = (ContinuousClock.now - start).seconds
        try await sql.raw("DROP TABLE bench_values").run()
        try await sql.raw("DROP TABLE bench_reports").run()
        return seconds
    }

    private static func concurrently<T: Sendable>(_ items: [T], clients: Int, log: LatencyLog,
                                                  _ body: @escaping @Sendable (T) async throws -> Void) async throws {
        let queue = WorkQueue(items)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    while let item = queue.next() {
                        let start = ContinuousClock.now
                        do { try await body(item); log.record((ContinuousClock.now - start).seconds) } catch { log.fail(error) }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

private final class WorkQueue<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T]
    private var index = 0

    init(_ items: [T]) { self.items = items }

    func next() -> T? {
        lock.withLock {
            guard index < items.count else { return nil }
            defer { index += 1 }
            return items[index]
        }
    }
}

private final class LatencyLog: @unchecked Sendable {
    private let lock = NSLock()
    private var samples: [Double] = []
    private var failures = 0
    private(set) var firstError: String?

    func record(_ seconds: Double) { lock.withLock { samples.append(seconds) } }
    func fail(_ error: any Error) {
        lock.withLock {
            failures += 1
            if firstError == nil { firstError = String(describing: error) }
        }
    }
    var errors: Int { lock.withLock { failures } }

    func percentile(_ share: Double) -> Double {
        let sorted = lock.withLock { samples.sorted() }
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))] * 1000
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

private extension Array {
    func asyncMapSequential<U>(_ transform: (Element) async throws -> U) async throws -> [U] {
        var out: [U] = []
        out.reserveCapacity(count)
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
