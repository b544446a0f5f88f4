import ArgumentParser
import DanVanCore
import Foundation
import Vapor

/// `danvan export`: writes a plan or a review report as DOCX, or a table as XLSX, the same
/// files the pages offer for download.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất văn bản (DOCX) và bảng số liệu (XLSX).",
        subcommands: [ExportPlan.self, ExportReport.self, ExportTable.self])

    struct ExportPlan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "plan", abstract: "Xuất một kế hoạch đã lưu thành tệp Word theo thể thức văn bản.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Argument(help: "Số định danh (id) của kế hoạch, như trong đường dẫn /plans/ID.") var plan: String
        @ArgumentParser.Option(help: "Tệp .docx sẽ ghi.") var docx: String

        func run() async throws {
            let file = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                try await DocumentExports.plan(try await PlanQueries.require(id: plan, on: app.db), on: app.db)
            }
            try ExportCommand.save(file, to: docx)
        }
    }

    struct ExportReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: "Xuất báo cáo sơ kết, tổng kết (hoặc báo cáo kết quả một kỳ) của một đơn vị.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String
        @ArgumentParser.Option(help: "Kỳ: 2025-H1 (sơ kết 6 tháng), 2025 (tổng kết năm), hoặc 2025-03, 2025-Q1.") var period: String
        @ArgumentParser.Flag(help: "Tính cả báo cáo đã gửi chưa duyệt.") var includeSubmitted = false
        @ArgumentParser.Option(help: "Tệp .docx sẽ ghi.") var docx: String

        func run() async throws {
            let period = try ReportPeriods.parse(period)
            let file = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let unit = try await UnitQueries.require(code: unit, field: "unit", on: app.db)
                return try await DocumentExports.review(unit: unit, period: period, includeSubmitted: includeSubmitted,
                                                        rollups: app.rollupCache, on: app.db)
            }
            try ExportCommand.save(file, to: docx)
        }
    }

    struct ExportTable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "table",
            abstract: "Xuất một bảng thành tệp Excel: targets (chỉ tiêu và kết quả), children (số liệu theo đơn vị trực thuộc), "
                + "completeness (tình hình gửi báo cáo) của một đơn vị và kỳ; grid (tiến độ 12 tháng) của một kế hoạch.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Bảng: targets, children, completeness hoặc grid.") var table: String
        @ArgumentParser.Option(help: "Mã đơn vị (mọi bảng trừ grid).") var unit: String?
        @ArgumentParser.Option(help: "Kỳ: 2025-03, 2025-Q1, 2025-H1 hoặc 2025 (mọi bảng trừ grid).") var period: String?
        @ArgumentParser.Option(help: "Chỉ số cho bảng children (mặc định: chỉ số của chỉ tiêu đầu tiên).") var indicator: Int?
        @ArgumentParser.Option(help: "Số định danh của kế hoạch (bảng grid).") var plan: String?
        @ArgumentParser.Flag(help: "Tính cả báo cáo đã gửi chưa duyệt.") var includeSubmitted = false
        @ArgumentParser.Option(help: "Tệp .xlsx sẽ ghi.") var xlsx: String

        func run() async throws {
            guard let kind = TableExports.Kind(rawValue: table) else {
                throw ValidationError("Bảng \"\(table)\" không có; chọn targets, children, completeness hoặc grid.")
            }
            let file = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                if kind == .grid {
                    guard let plan else { throw AppError.invalid("plan", "Bảng grid cần --plan: số định danh của kế hoạch.") }
                    return try await DocumentExports.grid(try await PlanQueries.require(id: plan, on: app.db), today: Today.date, on: app.db)
                }
                guard let unit, let period else { throw AppError.invalid("unit", "Bảng \(table) cần --unit và --period.") }
                let found = try await UnitQueries.require(code: unit, field: "unit", on: app.db)
                let link = DashboardLink(period: try ReportPeriods.parse(period), indicatorID: indicator, includeSubmitted: includeSubmitted)
                return try await DocumentExports.table(kind, unit: found, link: link, rollups: app.rollupCache, on: app.db)
            }
            try ExportCommand.save(file, to: xlsx)
        }
    }

    /// Writes the file whole or not at all, and says where it went.
    static func save(_ file: DocumentExports.File, to path: String) throws {
        do {
            try file.data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw AppError.invalid("file", "Không ghi được tệp \(path): thư mục không có hoặc không được phép ghi.")
        }
        CommandOutput.line("Đã ghi \(path) (\(file.data.count) byte): \(file.name)")
    }
}
