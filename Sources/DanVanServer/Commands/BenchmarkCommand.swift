import ArgumentParser
import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLKit

/// `danvan benchmark reader`: how fast plans are read and stored, each against a floor measured
/// in the same run (splitting lines; raw SQL inserting the same rows). Benchmarks/run-reader runs it.
struct BenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "benchmark", abstract: "Đo tốc độ (dùng cho Benchmarks/).",
                                                    subcommands: [Reader.self, Rollup.self, SubmissionBenchmarkCommand.self, DeadlineBenchmarkCommand.self, ModelBenchmarkCommand.self, ClassificationBenchmarkCommand.self, CitizensBenchmarkCommand.self, TrainingBenchmarkCommand.self])

    struct Reader: AsyncParsableCommand {
        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Thư mục chứa các tệp kế hoạch mẫu (.txt, .docx).") var fixtures: String
        @ArgumentParser.Option(help: "Số kế hoạch nhập và lưu.") var plans = 1000
        @ArgumentParser.Option(help: "Số giây đo tốc độ đọc.") var seconds = 3.0

        func run() async throws {
            let files = try ReaderBenchmark.load(fixtures)
            let parse = ReaderBenchmark.parse(files.filter { !$0.name.hasSuffix(".docx") }, seconds: seconds)
            let docx = ReaderBenchmark.parse(files.filter { $0.name.hasSuffix(".docx") }, seconds: seconds)
            let store = try await AppRunner.withApplication(try common.settings(), .writes) { app in
                try await ReaderBenchmark.store(files, count: plans, on: app.db)
            }
            CommandOutput.line(String(format: "parse_text_mb_s=%.2f parse_text_docs_s=%.0f split_floor_mb_s=%.2f docx_docs_s=%.0f "
                         + "store_plans=%d store_ms=%.0f floor_ms=%.0f ratio=%.2f plans_s=%.0f",
                         parse.megabytesPerSecond, parse.documentsPerSecond, parse.floorMegabytesPerSecond, docx.documentsPerSecond,
                         plans, store.elapsedMs, store.floorMs, store.elapsedMs / max(store.floorMs, 0.001), Double(plans) / (store.elapsedMs / 1000)))
        }
    }
}

extension BenchmarkCommand {
    struct Rollup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tổng hợp một kỳ so với một câu GROUP BY trần (Benchmarks/run-rollup).")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị gốc.") var unit = NationalUnits.rootCode
        @ArgumentParser.Option(help: "Kỳ.") var period = "2025-06"
        @ArgumentParser.Option(help: "Số lần đo (lấy trung vị).") var runs = 3

        func run() async throws {
            guard let period = ReportPeriod(code: period) else { throw AppError.invalid("period", "Kỳ \"\(self.period)\" không tồn tại.") }
            let result = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                try await RollupBenchmark.run(unitCode: unit, period: period, runs: runs, on: app.db)
            }
            CommandOutput.line(String(format: "rollup_nodes=%d floor_groups=%d rollup_ms=%.0f floor_ms=%.0f ratio=%.2f",
                         result.nodes, result.floorGroups, result.rollupMs, result.floorMs, result.rollupMs / max(result.floorMs, 0.001)))
        }
    }
}

enum ReaderBenchmark {
    struct File { let name: String; let data: Data }
    struct ParseResult { let megabytesPerSecond: Double; let documentsPerSecond: Double; let floorMegabytesPerSecond: Double }
    struct StoreResult { let elapsedMs: Double; let floorMs: Double }

    static func load(_ folder: String) throws -> [File] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".docx") }.sorted()
        return try names.map { File(name: $0, data: try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent($0))) }
    }

    /// Reads the files round and round for `seconds`; the floor only splits them into lines.
    static func parse(_ files: [File], seconds: Double) -> ParseResult {
        guard !files.isEmpty else { return ParseResult(megabytesPerSecond: 0, documentsPerSecond: 0, floorMegabytesPerSecond: 0) }
        func measure(_ work: (File) -> Void) -> (bytes: Int, documents: Int, elapsed: Double) {
            let start = Date()
            var bytes = 0, documents = 0
            while Date().timeIntervalSince(start) < seconds {
                for file in files { work(file); bytes += file.data.count; documents += 1 }
            }
            return (bytes, documents, Date().timeIntervalSince(start))
        }
        let read = measure { _ = try? PlanFileReader.read($0.data, filename: $0.name) }
        let floor = measure { _ = String(decoding: $0.data, as: UTF8.self).split(separator: "\n").count }
        return ParseResult(megabytesPerSecond: Double(read.bytes) / 1_048_576 / read.elapsed,
                           documentsPerSecond: Double(read.documents) / read.elapsed,
                           floorMegabytesPerSecond: Double(floor.bytes) / 1_048_576 / floor.elapsed)
    }

    /// Reads and stores `count` plans (one transaction each, reading ahead, as folder import does), then inserts
    /// the same number of rows per plan with raw SQL in as many transactions: the floor.
    static func store(_ files: [File], count: Int, on db: any Database) async throws -> StoreResult {
        let unit = try await benchUnit(on: db)
        let readings = files.compactMap { try? PlanFileReader.read($0.data, filename: $0.name) }.filter { $0.kind == .plan }
        guard !readings.isEmpty else { throw PlanImportFailure("Không có kế hoạch mẫu nào đọc được trong thư mục.") }
        var rowsPerPlan: [Int] = []
        let start = Date()
        // As `danvan import DIR --save` does: the next plans are read while one is stored.
        try await ReadAhead.forEach(count, read: { index -> PlanDocument? in
            let file = files[index % files.count]
            guard var plan = try? PlanFileReader.read(file.data, filename: file.name), plan.kind == .plan else { return nil }
            plan.number = DocumentNumber.parse("\(index + 1)-KH/BENCH").map(PlanDocument.Number.init)
            plan.year = 2001 + index % 25
            return plan
        }) { index, plan in
            guard let plan else { return }
            let name = files[index % files.count].name
            _ = try await PlanStore.save(plan, at: .init(unitID: unit, implementsPlanID: nil, sourceName: name), by: .commandLine, on: db)
            rowsPerPlan.append(2 + plan.targets.count + plan.tasks.count + plan.citations.count + plan.sections.count)
        }
        let elapsed = Date().timeIntervalSince(start) * 1000
        return StoreResult(elapsedMs: elapsed, floorMs: try await floor(rowsPerPlan, on: db))
    }

    private static func floor(_ rowsPerPlan: [Int], on db: any Database) async throws -> Double {
        let sql = try UnitClosure.sqlDatabase(db)
        try await sql.raw("CREATE TABLE IF NOT EXISTS bench_floor (plan_no INTEGER, body TEXT)").run()
        let body = String(repeating: "công tác dân vận ", count: 12)
        let start = Date()
        for (plan, rows) in rowsPerPlan.enumerated() {
            try await db.transaction { tx in
                let inner = try UnitClosure.sqlDatabase(tx)
                let insert = inner.insert(into: "bench_floor").columns("plan_no", "body")
                for _ in 0..<rows { _ = insert.values(SQLBind(plan), SQLBind(body)) }
                try await insert.run()
            }
        }
        let elapsed = Date().timeIntervalSince(start) * 1000
        try await sql.raw("DROP TABLE bench_floor").run()
        return elapsed
    }

    private static func benchUnit(on db: any Database) async throws -> Int {
        if let unit = try await UnitQueries.find(code: "BENCH", on: db) { return unit.requireID }
        return try await UnitCreation.perform(UnitDraft(code: "BENCH", name: "Đơn vị đo tốc độ", kind: "party_committee", level: "province"),
                                          parentCode: nil, reportsToCode: nil, by: .commandLine, on: db).requireID
    }
}
