import ArgumentParser
import Foundation

/// `danvan rollup`: sums every indicator over a subtree for a period.
struct RollupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Tổng hợp số liệu của một đơn vị và mọi đơn vị cấp dưới (không có --unit: mọi đơn vị gốc) cho một kỳ.")

    @OptionGroup var common: CommonOptions
    @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String?
    @ArgumentParser.Option(help: "Kỳ: 2025-03, 2025-Q1, 2025-H1 hoặc 2025.") var period: String
    @Flag(help: "Tính cả báo cáo đã gửi chưa duyệt.") var includeSubmitted = false
    @Flag(help: "Tính lại tổng của các đơn vị con (report_child_sums) cho các tháng của kỳ trước khi tổng hợp, sau khi nạp số liệu thẳng vào cơ sở dữ liệu.")
    var rebuildSums = false
    @Flag(help: "In dạng JSON.") var json = false

    func run() async throws {
        let outputs = try await AppRunner.withApplication(try common.settings(), rebuildSums ? .writes : .readOnly) { app in
            try await RollupRun.run(unitCode: unit, periodCode: period, includeSubmitted: includeSubmitted, rebuildSums: rebuildSums, on: app.db)
        }
        if json {
            let encoded: Data = outputs.count == 1 ? try PlanListing.encoder.encode(outputs[0]) : try PlanListing.encoder.encode(outputs)
            CommandOutput.line(String(decoding: encoded, as: UTF8.self))
        } else {
            CommandOutput.line(RollupRun.text(outputs))
        }
    }
}
