import ArgumentParser
import DanVanCore
import Foundation

/// `danvan models list | summary | import | export`: the "Dân vận khéo" register from the command line.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "Sổ đăng ký mô hình “Dân vận khéo”: liệt kê, tổng hợp, nhập, xuất.",
                                                    subcommands: [List.self, Summary.self, Import.self, Export.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê mô hình của một đơn vị và các đơn vị cấp dưới (không có --unit: mọi đơn vị gốc).")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String?
        @ArgumentParser.Option(help: "Năm (mặc định: năm nay).") var year: Int?
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let rows = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                var roots = try await UnitQueries.roots(on: app.db)
                if let unit { roots = [try await UnitQueries.require(code: unit, field: "unit", on: app.db)] }
                var rows: [ModelRegisterQuery.Row] = []
                for root in roots {
                    rows += try await ModelRegisterQuery.rows(root: root.requireID, .init(year: year ?? Today.date.year), limit: 1_000_000, on: app.db)
                }
                return rows
            }
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(rows.map(ModelJSON.listing)).utf8String)
            } else {
                CommandOutput.line(rows.map { "\($0.id)\t\($0.unitCode)\t\($0.year)\t\($0.kind.label)\t\($0.field)\t\($0.status.label)\($0.late ? " (muộn)" : "")\t\($0.name)" }
                    .joined(separator: "\n"))
            }
        }
    }

    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tổng hợp mô hình của một đơn vị và cấp dưới trong năm: theo lĩnh vực, loại, đơn vị chưa có mô hình.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String
        @ArgumentParser.Option(help: "Năm.") var year: Int
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let summary = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let root = try await UnitQueries.require(code: unit, field: "unit", on: app.db)
                let today = Today.date
                return try await ModelSummaryQuery.load(unit: root, year: year, today: min(today, CivilDate(year: year, month: 12, day: 31) ?? today), on: app.db)
            }
            let body = ModelJSON.summary(summary)
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(body).utf8String)
            } else {
                CommandOutput.line("""
                    \(summary.unitName) · năm \(year): \(body.registered) mô hình, điển hình (năm trước \(body.lastYear)); \(body.recognised) được công nhận.
                    \(body.unitsWithModel)/\(body.unitsExpected) đơn vị thuộc diện đăng ký có mô hình\(body.missingUnits.isEmpty ? "." : "; chưa có: " + body.missingUnits.joined(separator: ", ") + ".")
                    """)
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhập sổ đăng ký (XLSX hoặc CSV, cùng cột như tệp xuất): mọi dòng hoặc không dòng nào.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "Tệp .xlsx hoặc .csv.") var file: String
        @ArgumentParser.Option(help: "Mã đơn vị đăng ký (dòng có cột Mã đơn vị có thể nêu đơn vị cấp dưới).") var unit: String
        @ArgumentParser.Option(help: "Năm đăng ký.") var year: Int

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw AppError.invalid("file", "Không đọc được tệp \(file).") }
            let count = try await AppRunner.withApplication(try common.settings(), .writes) { app in
                try await ModelsImport.perform(data, filename: file, unitCode: unit, year: year, today: Today.date, by: .commandLine, on: app.db)
            }
            CommandOutput.line("Đã nhập \(count) mô hình.")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xuất tài liệu: register, results (XLSX), registrations, decision (DOCX).")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "register | results | registrations | decision") var kind: String
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String
        @ArgumentParser.Option(help: "Năm.") var year: Int
        @ArgumentParser.Option(help: "Tệp ghi ra.") var output: String

        func run() async throws {
            guard let kind = ModelDocuments.Kind(rawValue: kind) else {
                throw AppError.invalid("kind", "Loại \"\(kind)\" không có; chọn register, results, registrations hoặc decision.")
            }
            let data = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let root = try await UnitQueries.require(code: unit, field: "unit", on: app.db)
                return try await ModelDocuments.data(kind, unit: root, year: year, today: Today.date, on: app.db)
            }
            try data.write(to: URL(fileURLWithPath: output))
            CommandOutput.line("Đã ghi \(output).")
        }
    }
}
