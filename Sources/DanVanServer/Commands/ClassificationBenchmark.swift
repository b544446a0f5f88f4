import ArgumentParser
import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan benchmark classification`: a national round at scale. Once, a 40-criterion set (ten
/// groups, six criteria bound to DanVan's data) and a round of 2025 over every commune party
/// committee of the national dataset are written; then the pre-fill of every sheet and the
/// round's summary table are each timed against bare SQL reading (and, for the pre-fill,
/// writing) the same rows, in the same process on the same database. Medians count.
struct ClassificationBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "classification",
                                                    abstract: "Đợt xếp loại toàn quốc: điền sẵn mọi phiếu và bảng tổng hợp so với câu SQL trần (Benchmarks/run-classification).")

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "Mã đơn vị gốc cả nước.") var country = "VN-BDVTW"
    @ArgumentParser.Option(help: "Số lần đo (lấy trung vị).") var runs = 3

    func run() async throws {
        let line = try await AppRunner.withApplication(try common.settings(), .writes) { app in
            try await ClassificationBenchmark.run(country: country, runs: runs, on: app.db)
        }
        CommandOutput.line(line)
    }
}

enum ClassificationBenchmark {
    static let year = 2025
    static let title = "Bộ tiêu chí đo hiệu năng (40 tiêu chí)"

    static func run(country: String, runs: Int, on db: any Database) async throws -> String {
        let root = try await UnitQueries.require(code: country, on: db)
        let roundID = try await seed(root: root, on: db)
        let sql = try UnitClosure.sqlDatabase(db)
        let asOf = CivilDate(year: year, month: 12, day: 31)!
        var prefill: [Double] = [], floor: [Double] = [], table: [Double] = [], tableFloor: [Double] = []
        var rows = 0, sheets = 0, scores = 0
        for _ in 0..<max(1, runs) {
            let (written, ms) = try await DeadlineBenchmark.timed { try await db.writeTransaction { tx in try await SheetPrefilling.prefill(roundID: roundID, asOf: asOf, on: tx) } }
            rows = written
            prefill.append(ms)
            let (_, floorMs) = try await DeadlineBenchmark.timed { try await db.writeTransaction { tx in try await prefillFloor(roundID, on: tx) } }
            floor.append(floorMs)
            let (loaded, tableMs) = try await DeadlineBenchmark.timed { try await RoundTable.load(roundID, on: db) }
            sheets = loaded.lines.count
            table.append(tableMs)
            let (read, tableFloorMs) = try await DeadlineBenchmark.timed { try await tableFloorQuery(roundID, on: sql) }
            scores = read
            tableFloor.append(tableFloorMs)
        }
        // Where the pre-fill's time goes: each source measuring the whole round once.
        var sources: [String] = []
        for source in PrefillSources.all {
            let (_, ms) = try await DeadlineBenchmark.timed { try await source.measure(PrefillScope(roundID: roundID, year: year, asOf: asOf), on: db) }
            sources.append(String(format: "%@=%.0f", source.key, ms))
        }
        let p = DeadlineBenchmark.median(prefill), pf = DeadlineBenchmark.median(floor)
        let t = DeadlineBenchmark.median(table), tf = DeadlineBenchmark.median(tableFloor)
        return String(format: "sheets=%d criteria=40 prefilled=%d scores=%d prefill_ms=%.0f prefill_floor_ms=%.0f prefill_ratio=%.2f table_ms=%.0f table_floor_ms=%.0f table_ratio=%.2f",
                      sheets, rows, scores, p, pf, p / max(pf, 0.001), t, tf, t / max(tf, 0.001)) + " sources_ms: " + sources.joined(separator: " ")
    }

    /// The same rows read bare: the year's reports, task occurrences, models and issued plans of
    /// the round's units; then the same number of score rows written in the same batches, and the
    /// sheets' totals.
    private static func prefillFloor(_ roundID: Int, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        let units = "SELECT unit_id FROM classification_sheets WHERE round_id = \(bind: roundID)" as SQLQueryString
        try decode(try await sql.raw("SELECT r.unit_id, r.end_month, r.state, r.late FROM reports r WHERE r.year = \(bind: year) AND r.unit_id IN (\(units))").all(),
                   ints: ["unit_id", "end_month"], texts: ["state"])
        try decode(try await sql.raw("""
            SELECT t.lead_unit_id, o.state, o.due_on, o.done_on FROM task_occurrences o JOIN plan_tasks t ON t.id = o.task_id
            WHERE t.lead_unit_id IN (\(units)) AND o.due_on >= \(bind: "\(year)-01-01") AND o.due_on <= \(bind: "\(year)-12-31")
            """).all(), ints: ["lead_unit_id"], texts: ["state"])
        try decode(try await sql.raw("SELECT m.unit_id, m.status, COUNT(*) AS n FROM movement_models m WHERE m.year = \(bind: year) AND m.unit_id IN (\(units)) GROUP BY m.unit_id, m.status").all(),
                   ints: ["unit_id", "n"], texts: ["status"])
        try decode(try await sql.raw("SELECT p.id, p.unit_id FROM plans p WHERE p.year = \(bind: year) AND p.status = 'issued' AND p.unit_id IN (\(units))").all(),
                   ints: ["id", "unit_id"], texts: [])
        let sheets = try await sql.raw("SELECT id FROM classification_sheets WHERE round_id = \(bind: roundID)").all().map { try $0.decode(column: "id", as: Int.self) }
        let keys = ["I.1", "II.1", "III.1", "IV.1", "V.1", "V.2"]
        let rows = sheets.flatMap { sheet in keys.map { (sheet, $0) } }
        for start in stride(from: 0, to: rows.count, by: SheetPrefilling.batch) {
            let values = rows[start..<min(start + SheetPrefilling.batch, rows.count)].map { row in
                "(\(bind: row.0), \(bind: row.1), 100, '', 100, 'đo')" as SQLQueryString
            }
            try await sql.raw("""
                INSERT INTO classification_scores (sheet_id, criterion_key, self_points, self_note, prefill_points, prefill_figures)
                VALUES \(values.joined(separator: ", "))
                ON CONFLICT (sheet_id, criterion_key) DO UPDATE SET prefill_points = excluded.prefill_points, prefill_figures = excluded.prefill_figures
                """).run()
        }
        for start in stride(from: 0, to: sheets.count, by: SheetPrefilling.batch) {
            let ids = Array(sheets[start..<min(start + SheetPrefilling.batch, sheets.count)])
            try decode(try await sql.raw("SELECT sheet_id, criterion_key, self_points FROM classification_scores WHERE sheet_id IN (\(binds: ids)) AND self_points IS NOT NULL").all(),
                       ints: ["sheet_id", "self_points"], texts: ["criterion_key"])
            try await sql.raw("UPDATE classification_sheets SET self_total = self_total WHERE id IN (\(binds: ids))").run()
        }
    }

    private static func tableFloorQuery(_ roundID: Int, on sql: any SQLDatabase) async throws -> Int {
        try decode(try await sql.raw("""
            SELECT s.id, s.unit_id, u.code, u.name, s.state, s.self_total, s.appraised_total, s.label, s.gated
            FROM classification_sheets s JOIN units u ON u.id = s.unit_id WHERE s.round_id = \(bind: roundID) ORDER BY u.name
            """).all(), ints: ["id", "unit_id", "self_total"], texts: ["code", "name", "state"])
        let scores = try await sql.raw("""
            SELECT c.sheet_id, c.criterion_key, c.self_points, c.appraised_points
            FROM classification_scores c JOIN classification_sheets s ON s.id = c.sheet_id WHERE s.round_id = \(bind: roundID)
            """).all()
        try decode(scores, ints: ["sheet_id"], texts: ["criterion_key"], optionalInts: ["self_points", "appraised_points"])
        return scores.count
    }

    /// Reading a row means getting its values: the floor decodes the columns the real code uses.
    private static func decode(_ rows: [any SQLRow], ints: [String], texts: [String], optionalInts: [String] = []) throws {
        for row in rows {
            for column in ints { _ = try row.decode(column: column, as: Int.self) }
            for column in texts { _ = try row.decode(column: column, as: String.self) }
            for column in optionalInts { _ = try row.decode(column: column, as: Int?.self) }
        }
    }

    /// The set and the round, written once; the round's sheets get self scores on every criterion
    /// not bound to DanVan's data, as units would have typed them.
    private static func seed(root: OrgUnit, on db: any Database) async throws -> Int {
        let sql = try UnitClosure.sqlDatabase(db)
        if let existing = try await ClassificationRound.query(on: db).filter(\.$unitID == root.requireID).filter(\.$year == year).first() {
            return existing.requireID
        }
        let bindings = ["plan.coverage", "reports.on_time", "tasks.on_time", "targets.met", "models.registered", "models.recognised"]
        var criteria = [CriteriaTable.criteriaHeader]
        for group in 0..<10 {
            let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][group]
            criteria.append([roman, "Nhóm tiêu chí \(roman)", "10", "", "", "", ""])
            for item in 1...4 {
                let index = group * 4 + item
                let binding = [1, 5, 9, 13, 17, 18].firstIndex(of: index).map { bindings[$0] } ?? ""
                criteria.append([String(item), "Tiêu chí \(index)", "2,5", binding.isEmpty ? "" : "Định lượng", "", "", binding])
            }
        }
        criteria.append(["", "Tổng cộng", "100", "", "", "", ""])
        let set = try await CriteriaSetSaving.perform(.init(unitCode: root.code, title: title, decision: "Quyết định số 1-QĐ/BDVTW ngày 01/10/\(year)",
                                                            unitKinds: [UnitKind.partyCommittee.rawValue],
                                                            tables: .init(criteria: criteria, bands: CriteriaSetSamples.governmentWork.bands,
                                                                          gates: CriteriaSetSamples.governmentWork.gates)),
                                                      by: .commandLine, on: db)
        let round = ClassificationRound()
        round.unitID = root.requireID
        round.year = year
        round.setID = set.requireID
        round.title = "Đợt xếp loại toàn quốc \(year) (đo hiệu năng)"
        round.opensOn = "\(year)-11-15"
        round.closesOn = "\(year)-12-10"
        round.stateRaw = ClassificationRound.State.open.rawValue
        round.version = 1
        round.createdAt = Date()
        try await round.create(on: db)
        try await sql.raw("""
            INSERT INTO classification_sheets (round_id, unit_id, state, self_total, gated, version, updated_at)
            SELECT \(bind: round.requireID), u.id, 'draft', 0, \(bind: false), 1, \(bind: Date()) FROM units u
            WHERE u.level = 'commune' AND u.kind = 'party_committee' AND u.code LIKE 'VN-T%'
            """).run()
        let unbound = try set.definition.leaves.filter { $0.binding == nil }.map(\.key)
        for key in unbound {
            try await sql.raw("""
                INSERT INTO classification_scores (sheet_id, criterion_key, self_points, self_note)
                SELECT s.id, \(bind: key), 150 + (s.id % 100), 'Đã thực hiện' FROM classification_sheets s WHERE s.round_id = \(bind: round.requireID)
                """).run()
        }
        return round.requireID
    }
}
