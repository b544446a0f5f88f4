import ArgumentParser
import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan benchmark models`: the "Dân vận khéo" register at national scale. Once, about
/// 100,000 registrations of 2025 are written into the national dataset (most cells and every
/// commune, some with two, across the four fields and three kinds, some recognised); then a
/// province's filtered register page and the country's summary are each timed against a bare
/// SQL query reading the same rows, in the same process on the same database. Medians count.
struct ModelBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models",
                                                    abstract: "Sổ mô hình “Dân vận khéo” ở quy mô toàn quốc so với câu SQL trần (Benchmarks/run-models).")

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "Mã tỉnh có sổ được đo.") var province = "VN-T01"
    @ArgumentParser.Option(help: "Mã đơn vị gốc cả nước.") var country = "VN-BDVTW"
    @ArgumentParser.Option(help: "Số lần đo (lấy trung vị).") var runs = 5

    func run() async throws {
        let line = try await AppRunner.withApplication(try common.settings(), .writes) { app in
            try await ModelBenchmark.run(province: province, country: country, runs: runs, on: app.db)
        }
        CommandOutput.line(line)
    }
}

enum ModelBenchmark {
    static let year = 2025

    static func run(province: String, country: String, runs: Int, on db: any Database) async throws -> String {
        let sql = try UnitClosure.sqlDatabase(db)
        try await seed(on: sql)
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM movement_models WHERE year = \(bind: year)").first()?.decode(column: "n", as: Int.self) ?? 0
        let provinceUnit = try await UnitQueries.require(code: province, on: db)
        let countryUnit = try await UnitQueries.require(code: country, on: db)
        let today = CivilDate(year: year, month: 12, day: 31)!
        let filter = ModelRegisterQuery.Filter(year: year, field: "Kinh tế")
        var page: [Double] = [], pageFloor: [Double] = [], summary: [Double] = [], summaryFloor: [Double] = []
        var rows = 0, floorRows = 0, registered = 0
        for _ in 0..<max(1, runs) {
            let (list, listMs) = try await DeadlineBenchmark.timed {
                (try await ModelRegisterQuery.rows(root: provinceUnit.requireID, filter, limit: ModelRegisterQuery.pageSize + 1, on: db),
                 try await ModelSummaryQuery.load(unit: provinceUnit, year: year, today: today, on: db))
            }
            rows = list.0.count
            page.append(listMs)
            let (bare, bareMs) = try await DeadlineBenchmark.timed { try await pageFloorQuery(root: provinceUnit.requireID, on: sql) }
            floorRows = bare
            pageFloor.append(bareMs)
            let (whole, wholeMs) = try await DeadlineBenchmark.timed { try await ModelSummaryQuery.load(unit: countryUnit, year: year, today: today, on: db) }
            registered = whole.registered
            summary.append(wholeMs)
            let (_, floorMs) = try await DeadlineBenchmark.timed { try await summaryFloorQuery(root: countryUnit.requireID, on: sql) }
            summaryFloor.append(floorMs)
        }
        let p = DeadlineBenchmark.median(page), pf = DeadlineBenchmark.median(pageFloor)
        let s = DeadlineBenchmark.median(summary), sf = DeadlineBenchmark.median(summaryFloor)
        return String(format: "models=%d page_rows=%d floor_rows=%d page_ms=%.1f page_floor_ms=%.1f page_ratio=%.2f country_registered=%d summary_ms=%.1f summary_floor_ms=%.1f summary_ratio=%.2f",
                      total, rows, floorRows, p, pf, p / max(pf, 0.001), registered, s, sf, s / max(sf, 0.001))
    }

    /// The same page read bare: the province's models of the field, with their units, a page of
    /// them; the units that must register with their counts; the counts by field, kind and status.
    private static func pageFloorQuery(root: Int, on sql: any SQLDatabase) async throws -> Int {
        let rows = try await sql.raw("""
            SELECT m.id, m.name, u.code, u.name AS unit_name, m.field, m.kind, m.status FROM unit_closure c
            JOIN movement_models m ON m.unit_id = c.descendant_id JOIN units u ON u.id = m.unit_id
            WHERE c.ancestor_id = \(bind: root) AND m.year = \(bind: year) AND m.field = 'Kinh tế'
            ORDER BY u.code, m.name_key LIMIT 101
            """).all()
        _ = try await sql.raw("""
            SELECT u.id, u.code, u.name, COUNT(m.id) AS n FROM unit_closure c JOIN units u ON u.id = c.descendant_id
            LEFT JOIN movement_models m ON m.unit_id = u.id AND m.year = \(bind: year)
            WHERE c.ancestor_id = \(bind: root) AND c.depth > 0 AND u.kind IN ('party_committee', 'party_cell') GROUP BY u.id, u.code, u.name
            """).all()
        _ = try await summaryCounts(root: root, on: sql)
        return rows.count
    }

    private static func summaryFloorQuery(root: Int, on sql: any SQLDatabase) async throws -> Int {
        _ = try await sql.raw("""
            SELECT u.id, u.code, u.name, COUNT(m.id) AS n FROM unit_closure c JOIN units u ON u.id = c.descendant_id
            LEFT JOIN movement_models m ON m.unit_id = u.id AND m.year = \(bind: year)
            WHERE c.ancestor_id = \(bind: root) AND c.depth > 0 AND u.kind IN ('party_committee', 'party_cell') GROUP BY u.id, u.code, u.name
            """).all()
        return try await summaryCounts(root: root, on: sql)
    }

    private static func summaryCounts(root: Int, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("""
            SELECT m.field, m.kind, m.status, COUNT(*) AS n FROM unit_closure c JOIN movement_models m ON m.unit_id = c.descendant_id
            WHERE c.ancestor_id = \(bind: root) AND m.year IN (\(bind: year), \(bind: year - 1)) GROUP BY m.field, m.kind, m.status
            """).all().count
    }

    /// About 100,000 registrations, written once: nine cells in ten and every commune committee
    /// register one model, one cell in seven and every commune a second; one in six is recognised.
    private static func seed(on sql: any SQLDatabase) async throws {
        let existing = try await sql.raw("SELECT COUNT(*) AS n FROM movement_models WHERE year = \(bind: year)").first()?.decode(column: "n", as: Int.self) ?? 0
        guard existing < 50_000 else { return }
        let fields = ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị"]
        let kinds = ModelKind.allCases.map(\.rawValue)
        let now = Date()
        for (suffix, condition) in [("", "(u.kind = 'party_cell' AND u.id % 10 < 9) OR (u.kind = 'party_committee' AND u.level = 'commune')"),
                                    (" (2)", "(u.kind = 'party_cell' AND u.id % 7 = 0) OR (u.kind = 'party_committee' AND u.level = 'commune')")] {
            try await sql.raw("""
                INSERT INTO movement_models (unit_id, year, name, name_key, field, subtheme, kind, person_name, person_position, person_unit,
                    problem, goals, content, place, forces, resources, timing, outputs, sustainability, status, late, self_assessment,
                    criteria_met, evaluation_note, recognition_level, decision_number, decision_date, registered_on, version, updated_at)
                SELECT u.id, \(bind: year), \(literal: "Mô hình dân vận khéo của ") || u.code || \(literal: suffix),
                       \(literal: "mo hinh dan van kheo cua ") || LOWER(u.code) || \(literal: suffix),
                       CASE u.id % 4 WHEN 0 THEN \(bind: fields[0]) WHEN 1 THEN \(bind: fields[1]) WHEN 2 THEN \(bind: fields[2]) ELSE \(bind: fields[3]) END,
                       '', CASE u.id % 3 WHEN 0 THEN \(bind: kinds[0]) WHEN 1 THEN \(bind: kinds[1]) ELSE \(bind: kinds[2]) END,
                       CASE u.id % 3 WHEN 2 THEN 'Nguyễn Văn A' ELSE '' END, '', '', 'Vấn đề', 'Mục tiêu', 'Cách làm', 'Địa bàn', 'Lực lượng', 'Nguồn lực',
                       'Thời gian', 'Sản phẩm', 'Nhân rộng',
                       CASE WHEN u.id % 6 = 0 THEN 'recognised' WHEN u.id % 11 = 0 THEN 'returned' ELSE 'accepted' END,
                       \(bind: false), '', '', '',
                       CASE WHEN u.id % 6 = 0 THEN 'Cấp tỉnh' END, CASE WHEN u.id % 6 = 0 THEN '215-QĐ/TU' END, CASE WHEN u.id % 6 = 0 THEN '2025-10-28' END,
                       '2025-03-01', 1, \(bind: now)
                FROM units u WHERE \(unsafeRaw: condition)
                """).run()
        }
    }
}
