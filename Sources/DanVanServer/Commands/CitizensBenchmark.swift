import ArgumentParser
import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan benchmark citizens`: citizens' cases at national scale. Once, ~150 cases per commune
/// of the national dataset (~500,000) are written, received through 2025, three in ten still
/// open, some answered late; then a province's overdue list and the country's timeliness table
/// (the country and each province, summed over their subtrees) are each timed against bare SQL
/// reading the same rows, in the same process on the same database. Medians count.
struct CitizensBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "citizens",
                                                    abstract: "Đơn thư toàn quốc: danh sách quá hạn của một tỉnh và bảng đúng hạn cả nước so với câu SQL trần (Benchmarks/run-citizens).")

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "Mã đơn vị gốc cả nước.") var country = "VN-BDVTW"
    @ArgumentParser.Option(help: "Mã tỉnh có danh sách quá hạn được đo.") var province = "VN-T01"
    @ArgumentParser.Option(help: "Số vụ việc mỗi xã.") var perCommune = 150
    @ArgumentParser.Option(help: "Số lần đo (lấy trung vị).") var runs = 5

    func run() async throws {
        let line = try await AppRunner.withApplication(try common.settings(), .writes) { app in
            try await CitizensBenchmark.run(country: country, province: province, perCommune: perCommune, runs: runs, on: app.db)
        }
        CommandOutput.line(line)
    }
}

enum CitizensBenchmark {
    static let subject = "Vụ việc đo hiệu năng"
    static let today = CivilDate(year: 2025, month: 12, day: 31)!

    static func run(country: String, province: String, perCommune: Int, runs: Int, on db: any Database) async throws -> String {
        let root = try await UnitQueries.require(code: country, on: db)
        let region = try await UnitQueries.require(code: province, on: db)
        let (cases, seedMs) = try await DeadlineBenchmark.timed { try await seed(perCommune: perCommune, on: db) }
        let sql = try UnitClosure.sqlDatabase(db)
        let provinces = try await UnitQueries.children(of: root.requireID, on: db).map(\.requireID)
        var list: [Double] = [], listFloor: [Double] = [], table: [Double] = [], tableFloor: [Double] = []
        var overdue = 0, counted = 0
        for _ in 0..<max(1, runs) {
            let (rows, ms) = try await DeadlineBenchmark.timed {
                try await CaseQueries.list(under: region.requireID, filter: .init(overdueOnly: true), today: today, limit: 200, on: db)
            }
            overdue = rows.count
            list.append(ms)
            listFloor.append(try await DeadlineBenchmark.timed { try await listFloorQuery(region.requireID, on: sql) }.1)
            let (counts, tableMs) = try await DeadlineBenchmark.timed {
                try await CaseQueries.timeliness(of: [root.requireID] + provinces, year: nil, today: today, on: db)
            }
            counted = counts[root.requireID]?.total ?? 0
            table.append(tableMs)
            tableFloor.append(try await DeadlineBenchmark.timed { try await tableFloorQuery([root.requireID] + provinces, on: sql) }.1)
        }
        let code = try await trackedCase(in: region, on: db)
        let l = DeadlineBenchmark.median(list), lf = DeadlineBenchmark.median(listFloor)
        let t = DeadlineBenchmark.median(table), tf = DeadlineBenchmark.median(tableFloor)
        return "tracking_code=\(code) " + String(format: "cases=%d seeded_ms=%.0f overdue_page=%d list_ms=%.1f list_floor_ms=%.1f list_ratio=%.2f counted=%d table_ms=%.0f table_floor_ms=%.0f table_ratio=%.2f",
                      cases, seedMs, overdue, l, lf, l / max(lf, 0.001), counted, t, tf, t / max(tf, 0.001))
    }

    /// One case received the ordinary way, whose code the tracking page is measured with.
    private static func trackedCase(in province: OrgUnit, on db: any Database) async throws -> String {
        let tracked = "Vụ việc tra cứu đo hiệu năng"
        if let known = try await CitizenCase.query(on: db).filter(\.$subject == tracked).first() { return known.trackingCode }
        guard let commune = try await UnitQueries.children(of: province.requireID, on: db).first(where: { $0.level == UnitLevel.commune.rawValue }) else {
            throw AppError(.notFound, "Tỉnh không có xã nào.")
        }
        var input = CaseReceiving.Input()
        (input.unitCode, input.kind, input.receivedOn, input.subject) = (commune.code, CaseKind.report.rawValue, "2025-11-20", tracked)
        return try await CaseReceiving.receive(input, today: today, key: nil, by: .commandLine, on: db).trackingCode
    }

    /// The cases, written once with INSERT … SELECT over the communes and a table of days.
    private static func seed(perCommune: Int, on db: any Database) async throws -> Int {
        let sql = try UnitClosure.sqlDatabase(db)
        let existing = try await CitizenCase.query(on: db).filter(\.$subject == subject).count()
        guard existing == 0 else { return existing }
        try await sql.raw("CREATE TABLE IF NOT EXISTS bench_days (i INTEGER PRIMARY KEY, d TEXT NOT NULL)").run()
        try await sql.raw("DELETE FROM bench_days").run()
        let start = CivilDate(year: 2025, month: 1, day: 2)!
        let values = (0..<420).map { "(\(bind: $0), \(bind: start.adding(days: $0).description))" as SQLQueryString }
        try await sql.raw("INSERT INTO bench_days (i, d) VALUES \(values.joined(separator: ", "))").run()
        try await sql.raw("CREATE TABLE IF NOT EXISTS bench_numbers (i INTEGER PRIMARY KEY)").run()
        try await sql.raw("DELETE FROM bench_numbers").run()
        let numbers = (1...perCommune).map { "(\(bind: $0))" as SQLQueryString }
        try await sql.raw("INSERT INTO bench_numbers (i) VALUES \(numbers.joined(separator: ", "))").run()
        try await db.writeTransaction { tx in
            // Received through the year; due 40 days later; seven in ten answered, some after their due date.
            try await UnitClosure.sqlDatabase(tx).raw("""
                INSERT INTO citizen_cases (unit_id, tracking_code, kind, channel, received_on, subject, content, search, anonymous, identity_sealed,
                    complexity, remote, second_round, status, rule_key, due_on, accepted_on, extensions, done_on, version, created_at)
                SELECT u.id, CAST(u.id AS TEXT) || '-' || CAST(n.i AS TEXT),
                    CASE n.i % 4 WHEN 0 THEN 'recommendation' WHEN 1 THEN 'report' WHEN 2 THEN 'complaint' ELSE 'denunciation' END,
                    'letter', r.d, \(bind: subject), '', 'vu viec do hieu nang', false, false, 'ordinary', false, false,
                    CASE WHEN n.i % 10 < 7 THEN 'answered' ELSE 'assigned' END, 'kien-nghi-tra-loi', d.d, r.d, 0,
                    CASE WHEN n.i % 10 < 7 THEN f.d ELSE NULL END, 1, \(bind: Date())
                FROM units u CROSS JOIN bench_numbers n
                JOIN bench_days r ON r.i = (n.i * 7 + u.id) % 330
                JOIN bench_days d ON d.i = (n.i * 7 + u.id) % 330 + 40
                JOIN bench_days f ON f.i = (n.i * 7 + u.id) % 330 + 20 + (n.i % 30)
                WHERE u.level = 'commune' AND u.code LIKE 'VN-%'
                """).run()
        }
        try await sql.raw("DROP TABLE bench_numbers").run()
        try await sql.raw("DROP TABLE bench_days").run()
        return try await CitizenCase.query(on: db).filter(\.$subject == subject).count()
    }

    /// The same first page of overdue cases, read bare with the columns the list shows.
    private static func listFloorQuery(_ unitID: Int, on sql: any SQLDatabase) async throws {
        let rows = try await sql.raw("""
            SELECT cc.id, cc.tracking_code, cc.kind, cc.subject, cc.status, cc.due_on, u.name
            FROM citizen_cases cc JOIN units u ON u.id = cc.unit_id JOIN unit_closure x ON x.descendant_id = cc.unit_id
            WHERE x.ancestor_id = \(bind: unitID) AND cc.done_on IS NULL AND cc.due_on < \(bind: today.description)
            ORDER BY cc.due_on, cc.id LIMIT 200
            """).all()
        for row in rows {
            _ = try row.decode(column: "id", as: Int.self)
            for column in ["tracking_code", "kind", "subject", "status", "name"] { _ = try row.decode(column: column, as: String.self) }
        }
    }

    /// The same rows counted bare: every case of each subtree, without the timeliness split.
    private static func tableFloorQuery(_ unitIDs: [Int], on sql: any SQLDatabase) async throws {
        let rows = try await sql.raw("""
            SELECT c.ancestor_id AS unit_id, CAST(COUNT(cc.due_on) AS BIGINT) AS n
            FROM unit_closure c JOIN citizen_cases cc ON cc.unit_id = c.descendant_id
            WHERE c.ancestor_id IN (\(unsafeRaw: unitIDs.map(String.init).joined(separator: ","))) GROUP BY c.ancestor_id
            """).all()
        for row in rows { _ = try row.decode(column: "n", as: Int.self) }
    }
}
