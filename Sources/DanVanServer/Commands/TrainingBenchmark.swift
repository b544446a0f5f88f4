import ArgumentParser
import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan benchmark training`: the share of people trained at national scale. Once, ~105 people
/// per commune of the national dataset (~350,000) are written with their unit history, ten
/// courses of 2025 per province, and three attendances for six people in seven (~1,000,000);
/// then the country's summary and a province's training page (its summary and each commune's)
/// are timed against bare SQL counting the same distinct people, in the same run. Medians count.
struct TrainingBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "training",
                                                    abstract: "Tập huấn toàn quốc: tỷ lệ người được tập huấn của cả nước và trang của một tỉnh so với câu SQL trần (Benchmarks/run-training).")

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "Mã đơn vị gốc cả nước.") var country = "VN-BDVTW"
    @ArgumentParser.Option(help: "Mã tỉnh có trang được đo.") var province = "VN-T01"
    @ArgumentParser.Option(help: "Số người mỗi xã.") var perCommune = 105
    @ArgumentParser.Option(help: "Số lần đo (lấy trung vị).") var runs = 5

    func run() async throws {
        let line = try await AppRunner.withApplication(try common.settings(), .writes) { app in
            try await TrainingBenchmark.run(country: country, province: province, perCommune: perCommune, runs: runs, on: app.db)
        }
        CommandOutput.line(line)
    }
}

enum TrainingBenchmark {
    static let year = 2025
    static let marker = "Lớp đo hiệu năng"

    static func run(country: String, province: String, perCommune: Int, runs: Int, on db: any Database) async throws -> String {
        let root = try await UnitQueries.require(code: country, on: db)
        let region = try await UnitQueries.require(code: province, on: db)
        let (_, seedMs) = try await DeadlineBenchmark.timed { try await seed(perCommune: perCommune, on: db) }
        let sql = try UnitClosure.sqlDatabase(db)
        var national: [Double] = [], nationalFloor: [Double] = [], page: [Double] = [], pageFloor: [Double] = []
        var summary: TrainingSummary?
        var floorCounts = (people: 0, trained: 0)
        let children = try await UnitQueries.children(of: region.requireID, on: db).map(\.requireID)
        for _ in 0..<max(1, runs) {
            let (loaded, ms) = try await DeadlineBenchmark.timed { try await TrainingSummary.load(rootID: root.requireID, year: year, on: db) }
            summary = loaded
            national.append(ms)
            let (counts, floorMs) = try await DeadlineBenchmark.timed { try await floor(root.requireID, on: sql) }
            floorCounts = counts
            nationalFloor.append(floorMs)
            page.append(try await DeadlineBenchmark.timed {
                try await TrainingOverviewPage.query(unit: region, year: year, years: year...year, canManage: true, on: db)
            }.1)
            pageFloor.append(try await DeadlineBenchmark.timed {
                for id in [region.requireID] + children { _ = try await floor(id, on: sql) }
            }.1)
        }
        let people = try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM people").first()?.decode(column: "n", as: Int.self) ?? 0
        let attendances = try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM course_attendances").first()?.decode(column: "n", as: Int.self) ?? 0
        let n = DeadlineBenchmark.median(national), nf = DeadlineBenchmark.median(nationalFloor)
        let p = DeadlineBenchmark.median(page), pf = DeadlineBenchmark.median(pageFloor)
        return String(format: "people=%d attendances=%d seeded_ms=%.0f trained=%d in_scope=%d floor_trained=%d floor_people=%d national_ms=%.0f national_floor_ms=%.0f national_ratio=%.2f page_ms=%.0f page_floor_ms=%.0f page_ratio=%.2f",
                      people, attendances, seedMs, summary?.distinctTrained ?? 0, summary?.people ?? 0, floorCounts.trained, floorCounts.people,
                      n, nf, n / max(nf, 0.001), p, pf, p / max(pf, 0.001))
    }

    /// The same people counted bare: those in the subtree on the counting date, and of them those
    /// with an attendance at a course of the year, without the split by category.
    private static func floor(_ rootID: Int, on sql: any SQLDatabase) async throws -> (people: Int, trained: Int) {
        let date = TrainingSummary.countingDate(year: year).description
        let row = try await sql.raw("""
            SELECT CAST(COUNT(*) AS BIGINT) AS people,
                   CAST(COUNT(DISTINCT (SELECT a.person_id FROM course_attendances a JOIN training_courses t ON t.id = a.course_id
                                        WHERE a.person_id = p.id AND t.starts_on >= \(bind: "\(year)-01-01") AND t.starts_on <= \(bind: "\(year)-12-31") LIMIT 1)) AS BIGINT) AS trained
            FROM people p
            JOIN person_units pu ON pu.person_id = p.id AND pu.from_on <= \(bind: date) AND (pu.to_on IS NULL OR pu.to_on >= \(bind: date))
            JOIN unit_closure c ON c.descendant_id = pu.unit_id AND c.ancestor_id = \(bind: rootID)
            """).first()
        return (try row?.decode(column: "people", as: Int.self) ?? 0, try row?.decode(column: "trained", as: Int.self) ?? 0)
    }

    /// People, their unit history, courses and attendances, written once with INSERT … SELECT.
    private static func seed(perCommune: Int, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        // The demo's own courses may be there too: only the benchmark's rows say it was seeded.
        let attended = try await sql.raw("""
            SELECT CAST(COUNT(*) AS BIGINT) AS n FROM course_attendances a JOIN training_courses t ON t.id = a.course_id WHERE t.title = \(bind: marker)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        guard attended == 0 else { return }
        // A run stopped half-way is redone from the start.
        try await sql.raw("DELETE FROM training_courses WHERE title = \(bind: marker)").run()
        try await sql.raw("DELETE FROM person_units WHERE person_id IN (SELECT id FROM people WHERE search = 'nguoi do')").run()
        try await sql.raw("DELETE FROM people WHERE search = 'nguoi do'").run()
        try await sql.raw("CREATE TABLE IF NOT EXISTS bench_numbers (i INTEGER PRIMARY KEY)").run()
        try await sql.raw("DELETE FROM bench_numbers").run()
        let numbers = (1...max(perCommune, 10)).map { "(\(bind: $0))" as SQLQueryString }
        try await sql.raw("INSERT INTO bench_numbers (i) VALUES \(numbers.joined(separator: ", "))").run()
        let now = Date()
        try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            // Four categories in turn; leaders and civil servants in charge of the work.
            try await sql.raw("""
                INSERT INTO people (unit_id, full_name, position, category, in_charge, active_from, active_to, search, version, created_at)
                SELECT u.id, 'Người đo ' || CAST(n.i AS TEXT), 'Cán bộ',
                       CASE n.i % 4 WHEN 0 THEN 'leader' WHEN 1 THEN 'civil_servant' WHEN 2 THEN 'to_dan_van' ELSE 'front_officer' END,
                       n.i % 4 < 2, NULL, NULL, 'nguoi do', 1, \(bind: now)
                FROM units u CROSS JOIN bench_numbers n
                WHERE u.level = 'commune' AND u.code LIKE 'VN-%' AND n.i <= \(bind: perCommune)
                """).run()
            try await sql.raw("""
                INSERT INTO person_units (person_id, unit_id, from_on, to_on) SELECT p.id, p.unit_id, '1900-01-01', NULL FROM people p
                WHERE NOT EXISTS (SELECT 1 FROM person_units x WHERE x.person_id = p.id)
                """).run()
            try await sql.raw("""
                INSERT INTO training_courses (unit_id, title, co_organisers, starts_on, ends_on, place, form, topics, audience, seats_per_unit, version, created_by, created_at)
                SELECT u.id, \(bind: marker), '', '\(unsafeRaw: String(year))-' || CASE WHEN n.i < 10 THEN '0' ELSE '' END || CAST(n.i AS TEXT) || '-10',
                       '\(unsafeRaw: String(year))-' || CASE WHEN n.i < 10 THEN '0' ELSE '' END || CAST(n.i AS TEXT) || '-11', '', 'in_person', 'dan_van', 'leader',
                       NULL, 1, 'benchmark', \(bind: now)
                FROM units u CROSS JOIN bench_numbers n JOIN unit_closure c ON c.descendant_id = u.id
                JOIN units r ON r.id = c.ancestor_id AND r.code = 'VN-BDVTW' AND c.depth = 1
                WHERE n.i <= 10
                """).run()
            // Six people in seven attend three of their province's ten courses.
            try await sql.raw("""
                INSERT INTO course_attendances (course_id, person_id, days, certificate)
                SELECT t.id, p.id, 2, NULL
                FROM people p JOIN unit_closure c ON c.descendant_id = p.unit_id AND c.depth = 1
                JOIN units r ON r.id = c.ancestor_id JOIN unit_closure top ON top.descendant_id = r.id AND top.depth = 1
                JOIN units country ON country.id = top.ancestor_id AND country.code = 'VN-BDVTW'
                JOIN training_courses t ON t.unit_id = r.id AND t.title = \(bind: marker)
                WHERE p.search = 'nguoi do' AND p.id % 7 <> 0
                  AND (CAST(substr(t.starts_on, 6, 2) AS INTEGER) - 1) IN (p.id % 10, (p.id + 3) % 10, (p.id + 6) % 10)
                """).run()
        }
        try await sql.raw("DROP TABLE bench_numbers").run()
    }
}
