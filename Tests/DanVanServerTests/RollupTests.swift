import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import DanVanServer

@Suite("Roll-up over the unit tree")
struct RollupTests {
    private func sample(_ app: Application, seed: Int = 7) async throws -> NationalDataset.Summary {
        try await NationalDataset.generate(.sample, seed: seed, passwordHash: "x", on: app.db, progress: ProgressBar(enabled: false))
    }

    /// The sums the slow, obvious way: every figure joined to every ancestor, grouped.
    private func floor(_ app: Application, period: ReportPeriod, stage: Int) async throws -> [String: (Int, Int, Int)] {
        let rows = try await (app.db as! any SQLDatabase).raw("""
            SELECT c.ancestor_id, v.indicator_id, CAST(SUM(v.numerator) AS BIGINT) AS n, CAST(SUM(v.denominator) AS BIGINT) AS d, COUNT(*) AS r
            FROM report_values v JOIN unit_closure c ON c.descendant_id = v.unit_id
            WHERE v.year = \(bind: period.year) AND v.end_month = \(bind: period.lastMonth) AND v.stage >= \(bind: stage)
              AND v.numerator IS NOT NULL
            GROUP BY c.ancestor_id, v.indicator_id
            """).all()
        var sums: [String: (Int, Int, Int)] = [:]
        for row in rows {
            let key = "\(try row.decode(column: "ancestor_id", as: Int.self))/\(try row.decode(column: "indicator_id", as: Int.self))"
            sums[key] = (try row.decode(column: "n", as: Int.self), try row.decode(column: "d", as: Int?.self) ?? 0,
                         try row.decode(column: "r", as: Int.self))
        }
        return sums
    }

    @Test("every unit's roll-up equals the closure-table GROUP BY, approved only and with submitted", arguments: TestDatabase.all)
    func matchesFloor(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let summary = try await sample(app)
            #expect(summary.values > 0 && summary.units > 20)
            let root = try await UnitQueries.require(code: NationalUnits.rootCode, on: app.db)
            for (code, stage) in [("2025-06", 2), ("2025-12", 1)] {
                let period = try #require(ReportPeriod(code: code))
                let result = try await RollupQuery.compute(rootID: root.requireID, period: period, includeSubmitted: stage == 1, on: app.db)
                let expected = try await floor(app, period: period, stage: stage)
                #expect(result.nodeCount == summary.units)
                #expect(result.totals.count > 3)
                for (unit, row) in result.totals {
                    for (index, indicator) in result.indicators.enumerated() {
                        let want = expected["\(unit)/\(indicator.id)"] ?? (0, 0, 0)
                        #expect(row[index].numerator == want.0 && row[index].denominator == want.1 && row[index].reporting == want.2,
                                "unit \(unit) indicator \(indicator.id) \(code)")
                    }
                }
            }
        }
    }

    @Test("moving a cell to another commune moves its figures in the roll-up at once", arguments: TestDatabase.all)
    func moveKeepsSums(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await sample(app)
            let sql = app.db as! any SQLDatabase
            let communes = try await sql.raw("SELECT code FROM units WHERE level = 'commune' ORDER BY id LIMIT 2").all()
                .map { try $0.decode(column: "code", as: String.self) }
            let cell = try #require(try await UnitQueries.children(of: try await UnitQueries.require(code: communes[0], on: app.db).requireID,
                                                                    on: app.db).first)
            try await app.db.transaction { tx in
                try await UnitStore.reparent(cell, to: communes[1], by: .commandLine, on: tx)
            }
            let period = try #require(ReportPeriod(code: "2025-06"))
            let target = try await UnitQueries.require(code: communes[1], on: app.db)
            let result = try await RollupQuery.compute(rootID: target.requireID, period: period, includeSubmitted: false, on: app.db)
            let expected = try await floor(app, period: period, stage: 2)
            for (index, indicator) in result.indicators.enumerated() {
                let want = expected["\(target.requireID)/\(indicator.id)"] ?? (0, 0, 0)
                #expect(result.totals[target.requireID]?[index].numerator == want.0 && result.totals[target.requireID]?[index].reporting == want.2)
            }
        }
    }

    @Test("after figures are loaded straight into the database, --rebuild-sums makes the roll-up whole again")
    func rebuildSums() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await sample(app)
            let sql = app.db as! any SQLDatabase
            try await sql.raw("DELETE FROM report_child_sums WHERE end_month = 3").run()
            let stale = try await RollupRun.run(unitCode: NationalUnits.rootCode, periodCode: "2025-03", includeSubmitted: false, on: app.db)
            let rebuilt = try await RollupRun.run(unitCode: NationalUnits.rootCode, periodCode: "2025-Q1", includeSubmitted: false,
                                                  rebuildSums: true, on: app.db)
            let expected = try await floor(app, period: try #require(ReportPeriod(code: "2025-03")), stage: 2)
            let root = try await UnitQueries.require(code: NationalUnits.rootCode, on: app.db).requireID
            #expect(stale[0].indicators.first?.numerator != expected["\(root)/\(rebuilt[0].indicators[0].id)"]?.0)
            #expect(rebuilt[0].indicators.first?.numerator == expected["\(root)/\(rebuilt[0].indicators[0].id)"]?.0)
        }
    }

    @Test("coverage at a commune is the share of its cells reaching the per-unit level")
    func coverage() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await sample(app)
            let sql = app.db as! any SQLDatabase
            let commune = try #require(try await sql.raw("SELECT id FROM units WHERE level = 'commune' ORDER BY id LIMIT 1").first()?
                .decode(column: "id", as: Int.self))
            let coverage = try #require(try await RollupQuery.allIndicators(on: sql).first { $0.kind == .childCoverage })
            let period = try #require(ReportPeriod(code: "2025-03"))
            let rows = try await sql.raw("""
                SELECT v.numerator FROM report_values v JOIN units u ON u.id = v.unit_id
                WHERE u.parent_id = \(bind: commune) AND v.indicator_id = \(bind: coverage.id) AND v.year = 2025 AND v.end_month = 3
                  AND v.stage = 2
                """).all()
            let counts = try rows.map { try $0.decode(column: "numerator", as: Int.self) }
            let result = try await RollupQuery.compute(rootID: commune, period: period, includeSubmitted: false, on: app.db)
            let value = result.value(of: coverage.id, at: commune)
            #expect(value == .childCoverage(meeting: counts.filter { $0 >= 1 }.count, of: counts.count))
        }
    }

    @Test("the same seed gives the same dataset; another seed another")
    func deterministic() async throws {
        var totals: [Int] = []
        for seed in [3, 3, 4] {
            try await withTestApp(.sqlite) { app in
                _ = try await sample(app, seed: seed)
                let row = try await (app.db as! any SQLDatabase).raw("""
                    SELECT CAST(SUM(numerator * 7 + COALESCE(denominator, 0) * 3 + unit_id % 11) AS BIGINT) AS s, COUNT(*) AS n FROM report_values
                    """).first()
                totals.append(try #require(try row?.decode(column: "s", as: Int.self)) * 1_000_003 + (try row?.decode(column: "n", as: Int.self) ?? 0))
            }
        }
        #expect(totals[0] == totals[1])
        #expect(totals[0] != totals[2])
    }

    @Test("'danvan rollup' refuses a period that does not exist and an unknown unit, naming them")
    func badArguments() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await sample(app)
            await #expect(throws: AppError.self) { try await RollupRun.run(unitCode: nil, periodCode: "2025-13", includeSubmitted: false, on: app.db) }
            do {
                _ = try await RollupRun.run(unitCode: "KHONG-CO", periodCode: "2025-03", includeSubmitted: false, on: app.db)
                Issue.record("unknown unit accepted")
            } catch let error as AppError {
                #expect(error.reason.contains("KHONG-CO"))
            }
            let outputs = try await RollupRun.run(unitCode: NationalUnits.rootCode, periodCode: "2025-Q1", includeSubmitted: false, on: app.db)
            #expect(outputs.count == 1 && outputs[0].period == "2025-Q1" && outputs[0].indicators.count == 20)
        }
    }
}
