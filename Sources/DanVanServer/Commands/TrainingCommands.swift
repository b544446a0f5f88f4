import ArgumentParser
import DanVanCore
import Foundation

/// `danvan people import | list`: the register of people training targets count.
struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "people", abstract: "Danh sách cán bộ thuộc diện tập huấn: nhập từ bảng tính, liệt kê.",
                                                    subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhập danh sách cán bộ của đơn vị (XLSX hoặc CSV): mọi dòng hoặc không dòng nào.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "Tệp .xlsx hoặc .csv.") var file: String
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw AppError.invalid("file", "Không đọc được tệp \(file).") }
            let outcome = try await AppRunner.withApplication(try common.settings(), .writes) { app in
                try await PeopleImport.perform(data, filename: file, unitCode: unit, by: .commandLine, on: app.db)
            }
            CommandOutput.line("Đã thêm \(outcome.added) người, cập nhật \(outcome.updated) người.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê cán bộ của đơn vị và cấp dưới (không có --unit: mọi đơn vị gốc).")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String?
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let people = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                var roots = try await UnitQueries.roots(on: app.db)
                if let unit { roots = [try await UnitQueries.require(code: unit, field: "unit", on: app.db)] }
                var people: [TrainingJSON.Person] = []
                for root in roots { people += try await TrainingJSON.people(under: root, on: app.db) }
                return people
            }
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(people).utf8String)
            } else {
                CommandOutput.line(people.map { "\($0.unitCode)\t\($0.fullName)\t\($0.position)\t\($0.category)\($0.inCharge ? "\tphụ trách dân vận" : "")" }
                    .joined(separator: "\n"))
            }
        }
    }
}

/// `danvan training summary`: courses, attendances and distinct people trained in a year.
struct TrainingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "training", abstract: "Tập huấn: số lớp, lượt học viên, số người được tập huấn.",
                                                    subcommands: [Summary.self])

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tổng hợp tập huấn của đơn vị và cấp dưới trong năm; mỗi người tính một lần.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String
        @ArgumentParser.Option(help: "Năm (mặc định: năm nay).") var year: Int?
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let summary = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let root = try await UnitQueries.require(code: unit, field: "unit", on: app.db)
                return try await TrainingSummary.load(rootID: root.requireID, year: year ?? Today.date.year, on: app.db)
            }
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(TrainingJSON.Summary(summary)).utf8String)
            } else {
                CommandOutput.line("Năm \(summary.year): \(summary.courses) lớp, \(summary.attendances) lượt học viên, \(summary.distinctTrained)/\(summary.people) người được tập huấn; "
                                   + "thuộc diện chỉ tiêu: \(summary.target.trained)/\(summary.target.inScope).")
            }
        }
    }
}
