import ArgumentParser
import Fluent
import Foundation

/// `danvan plan list | check | derive`: plans from the command line.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Liệt kê, kiểm tra độ bao phủ, lập kế hoạch từ kế hoạch cấp trên.",
                                                    subcommands: [List.self, Check.self, Derive.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê kế hoạch (mã, số, đơn vị, năm, trạng thái, kế hoạch cấp trên).")

        @OptionGroup var common: CommonOptions
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let rows = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in try await PlanListing.rows(on: app.db) }
            CommandOutput.line(json ? try PlanListing.json(rows) : PlanListing.table(rows))
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đối chiếu kế hoạch với kế hoạch cấp trên: chỉ tiêu chưa có, chỉ tiêu thấp hơn, nhiệm vụ chưa có.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "Mã hoặc số kế hoạch (ví dụ 12 hoặc 159-KH/HU).") var plan: String
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let report = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                try await PlanCoverage.report(for: try await PlanListing.find(plan, on: app.db), on: app.db)
            }
            CommandOutput.line(json ? try PlanListing.encoder.encode(report).utf8String : PlanListing.text(report))
        }
    }

    struct Derive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lập kế hoạch (bản nháp) cho một đơn vị từ kế hoạch cấp trên.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "Mã hoặc số kế hoạch cấp trên.") var upper: String
        @ArgumentParser.Option(help: "Mã đơn vị lập kế hoạch.") var unit: String
        @ArgumentParser.Option(help: "Năm kế hoạch (mặc định: năm của kế hoạch cấp trên).") var year: Int?

        func run() async throws {
            let id = try await AppRunner.withApplication(try common.settings(), .writes) { app in
                let upperPlan = try await PlanListing.find(upper, on: app.db)
                let unit = try await UnitQueries.require(code: unit, field: "unit", on: app.db)
                return try await PlanDerivation.perform(from: upperPlan.requireID, for: unit, year: year, by: .commandLine, on: app.db)
            }
            CommandOutput.line("Đã lập kế hoạch \(id) (bản nháp).")
        }
    }
}

/// How `danvan plan` finds and prints plans.
enum PlanListing {
    struct Row: Encodable {
        let id: Int
        let number: String?
        let unitCode: String
        let year: Int
        let status: String
        let implements: Int?
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func rows(on db: any Database) async throws -> [Row] {
        let plans = try await Plan.query(on: db).sort(\.$year).sort(\.$id).all()
        let codes = try await UnitQueries.codes(for: Array(Set(plans.map(\.unitID))), on: db)
        return plans.map { Row(id: $0.requireID, number: $0.numberNormalized, unitCode: codes[$0.unitID] ?? "", year: $0.year,
                               status: $0.status.rawValue, implements: $0.implementsPlanID) }
    }

    /// A plan by id ("12") or by number ("159-KH/HU", the latest year if several).
    static func find(_ text: String, on db: any Database) async throws -> Plan {
        if let id = Int(text), let plan = try await Plan.find(id, on: db) { return plan }
        if let plan = try await Plan.query(on: db).filter(\.$numberNormalized == text).sort(\.$year, .descending).first() { return plan }
        throw AppError.notFound("Không tìm thấy kế hoạch \"\(text)\" (theo mã hoặc số).")
    }

    static func json(_ rows: [Row]) throws -> String {
        try encoder.encode(rows).utf8String
    }

    static func table(_ rows: [Row]) -> String {
        rows.map { "\($0.id)\t\($0.number ?? "(chưa có số)")\t\($0.unitCode)\t\($0.year)\t\($0.status)\t\($0.implements.map(String.init) ?? "")" }
            .joined(separator: "\n")
    }

    static func text(_ report: PlanCoverage.Report) -> String {
        guard let upper = report.implements else { return "Kế hoạch \(report.plan.id) không thực hiện kế hoạch cấp trên nào." }
        var lines = ["Kế hoạch \(report.plan.id) đối chiếu với kế hoạch \(upper.number ?? String(upper.id)):"]
        for (title, findings) in [("Chỉ tiêu cấp trên chưa có chỉ tiêu thực hiện", report.missingTargets),
                                  ("Chỉ tiêu thấp hơn cấp trên", report.weakerTargets),
                                  ("Nhiệm vụ cấp trên chưa có nhiệm vụ tương ứng", report.missingTasks)] {
            lines.append("\(title): \(findings.count)")
            lines += findings.map { "  - \($0.text) — \($0.reason)" }
        }
        return lines.joined(separator: "\n")
    }
}

extension Data {
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
