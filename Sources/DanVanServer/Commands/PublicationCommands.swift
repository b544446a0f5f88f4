import ArgumentParser
import DanVanCore
import Foundation

/// `danvan publications list|due`: the publication register and what a commune still owes.
struct PublicationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publications", abstract: "Công khai theo Luật Thực hiện dân chủ ở cơ sở.",
                                                    subcommands: [List.self, Due.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liệt kê việc công khai của đơn vị và cấp dưới (không có --unit: mọi đơn vị gốc), mới nhất trước.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String?
        @ArgumentParser.Option(help: "Trạng thái hôm nay: scheduled (chưa đến ngày), posted (đang công khai), ended (hết thời hạn).") var status: String?
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let items = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let state = try PublicationJSON.status(status)
                var roots = try await UnitQueries.roots(on: app.db)
                if let unit { roots = [try await UnitQueries.require(code: unit, field: "unit", on: app.db)] }
                var answer: [PublicationJSON.Item] = []
                for root in roots { answer += try await PublicationJSON.items(under: root, status: state, on: Today.date, db: app.db) }
                return answer
            }
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(items).utf8String)
            } else {
                CommandOutput.line(items.map { "\($0.startsOn)\t\($0.unitCode)\t\($0.ruleCode)\t\($0.period ?? "-")\t\($0.status)\t\($0.title)" }
                    .joined(separator: "\n"))
            }
        }
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Những nội dung xã còn phải công khai vào một ngày (đến hạn hoặc quá hạn), với điều luật quy định.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị (Ủy ban nhân dân xã).") var unit: String
        @ArgumentParser.Option(help: "Ngày xét, YYYY-MM-DD (mặc định: hôm nay).") var date: String?
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let due = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let target = try await UnitQueries.require(code: unit, field: "unit", on: app.db)
                guard let day = date == nil ? Today.date : CivilDate(parsing: date ?? "") else {
                    throw AppError.invalid("date", "Ngày \"\(date ?? "")\" không phải một ngày (YYYY-MM-DD).")
                }
                return try await PublicationJSON.due(of: target, on: day, db: app.db)
            }
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(due).utf8String)
            } else {
                CommandOutput.line(due.owed.map { "\($0.dueOn)\t\($0.status)\t\($0.periodLabel)\t\($0.title)\t\($0.article)" }.joined(separator: "\n"))
            }
        }
    }
}
