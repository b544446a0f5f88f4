import ArgumentParser
import DanVanCore
import Fluent
import Foundation
import Vapor

/// `danvan criteria import | list`: criteria sets from the command line.
struct CriteriaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "criteria", abstract: "Bộ tiêu chí đánh giá, xếp loại: nhập, liệt kê.",
                                                    subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhập bộ tiêu chí từ XLSX (trang 1 tiêu chí, 2 mức xếp loại, 3 điều kiện) hoặc CSV; sai một dòng thì không nhập gì.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Argument(help: "Tệp .xlsx hoặc .csv.") var file: String
        @ArgumentParser.Option(help: "Mã đơn vị ban hành.") var unit: String
        @ArgumentParser.Option(help: "Tên bộ tiêu chí.") var title: String = "Tiêu chí đánh giá, xếp loại công tác dân vận"
        @ArgumentParser.Option(help: "Quyết định ban hành, ví dụ \"Quyết định số 245-QĐ/TU ngày 15/10/2024\".") var decision: String
        @ArgumentParser.Option(help: "Ngày quyết định (nếu câu trích dẫn không có).") var decisionDate: String = ""
        @ArgumentParser.Option(help: "Hiệu lực từ (mặc định: ngày quyết định).") var validFrom: String = ""
        @ArgumentParser.Option(help: "Loại đơn vị được xếp loại, cách nhau bằng dấu phẩy.") var unitKinds: String = "party_committee,peoples_committee"
        @ArgumentParser.Option(help: "Mã bộ tiêu chí được thay thế.") var replaces: Int?

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw AppError.invalid("file", "Không đọc được tệp \(file).") }
            let tables = try CriteriaSetFile.tables(data, filename: file)
            let input = CriteriaSetSaving.Input(unitCode: unit, title: title, decision: decision, decisionDate: decisionDate, validFrom: validFrom,
                                                unitKinds: unitKinds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, replaces: replaces,
                                                tables: tables)
            let set = try await AppRunner.withApplication(try common.settings(), .writes) { app in
                try await CriteriaSetSaving.perform(input, by: .commandLine, on: app.db)
            }
            CommandOutput.line("Đã nhập bộ tiêu chí #\(set.requireID): \(set.title) (\(set.citation)).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các bộ tiêu chí với hiệu lực, tổng điểm và bảng xếp loại.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let sets = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let codes = try await OrgUnit.query(on: app.db).all().reduce(into: [Int: String]()) { $0[$1.requireID] = $1.code }
                return try await CriteriaSet.query(on: app.db).sort(\.$id).all().map { try ClassificationJSON.set($0, unitCode: codes[$0.unitID] ?? "") }
            }
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(sets).utf8String)
            } else {
                CommandOutput.line(sets.map { set in
                    "\(set.id)\t\(set.unit)\t\(set.decision)\t\(set.validFrom)–\(set.validTo ?? "")\t\(set.maxPoints.short) điểm\t"
                        + set.bands.map { "\($0.label) ≥ \($0.min.short)" }.joined(separator: ", ") + "\t\(set.title)"
                }.joined(separator: "\n"))
            }
        }
    }
}

/// `danvan classify --unit CODE --year Y`: a round's table; `classify score`: totals and band for
/// given scores (pure); `classify export`: the round's documents.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "classify", abstract: "Đánh giá, xếp loại: bảng điểm của đợt, tính thử điểm, xuất tài liệu.",
                                                    subcommands: [Show.self, Score.self, Export.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Bảng điểm của đợt xếp loại đơn vị mở trong năm.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị mở đợt.") var unit: String
        @ArgumentParser.Option(help: "Năm.") var year: Int
        @ArgumentParser.Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let table = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in try await ClassifyCommand.table(unit, year, on: app) }
            let body = try ClassificationJSON.round(table)
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(body).utf8String)
            } else {
                CommandOutput.line((["\(table.round.title) · \(table.unit.name) · \(table.round.state.label)"] + table.lines.map { line in
                    "\(line.unitCode)\t\(line.state.label)\t\(line.selfTotal)\t\(line.appraisedTotal?.description ?? "—")\t\(line.label ?? "")\(line.gated ? " (điều kiện)" : "")\t\(line.unitName)"
                } + [table.distribution.map { "\($0.label): \($0.count)" }.joined(separator: " · ")]).joined(separator: "\n"))
            }
        }
    }

    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tính tổng điểm và xếp loại cho bộ điểm trong tệp JSON {\"I.1\": 5, …} (không ghi gì).")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã bộ tiêu chí.") var set: Int
        @ArgumentParser.Option(help: "Tệp JSON điểm theo mã tiêu chí.") var scores: String
        @ArgumentParser.Flag(help: "Phiếu gửi sau hạn.") var late = false
        @ArgumentParser.Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: scores) else { throw AppError.invalid("scores", "Không đọc được tệp \(scores).") }
            let given: [String: ScoreCheck.GivenPoints]
            do { given = try JSONDecoder().decode([String: ScoreCheck.GivenPoints].self, from: data) } catch {
                throw AppError.invalid("scores", "Tệp \(scores) phải là JSON dạng {\"I.1\": 5, \"II.2\": \"4,5\"}.")
            }
            let definition = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                guard let stored = try await CriteriaSet.find(set, on: app.db) else { throw AppError.notFound("Không có bộ tiêu chí #\(set).") }
                return try stored.definition
            }
            let result = try ScoreCheck.run(definition, given: given, submittedInTime: !late)
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(result).utf8String)
            } else {
                CommandOutput.line("Tổng \(result.total) điểm: \(result.band)\(result.gated ? " (theo điều kiện)" : "").")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xuất tài liệu của đợt: summary (XLSX) hoặc decision (DOCX).")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "summary | decision") var kind: String
        @ArgumentParser.Option(help: "Mã đơn vị mở đợt.") var unit: String
        @ArgumentParser.Option(help: "Năm.") var year: Int
        @ArgumentParser.Option(help: "Tệp ghi ra.") var output: String

        func run() async throws {
            guard ["summary", "decision"].contains(kind) else { throw AppError.invalid("kind", "Loại \"\(kind)\" không có; chọn summary hoặc decision.") }
            let data = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let table = try await ClassifyCommand.table(unit, year, on: app)
                return kind == "summary" ? try ClassificationDocuments.summaryXlsx(table) : try await ClassificationDocuments.decisionDocx(table, on: app.db)
            }
            try data.write(to: URL(fileURLWithPath: output))
            CommandOutput.line("Đã ghi \(output).")
        }
    }

    static func table(_ code: String, _ year: Int, on app: Application) async throws -> RoundTable {
        let unit = try await UnitQueries.require(code: code, field: "unit", on: app.db)
        guard let round = try await ClassificationRound.query(on: app.db).filter(\.$unitID == unit.requireID).filter(\.$year == year).first() else {
            throw AppError.notFound("\(unit.name) chưa mở đợt xếp loại năm \(year).")
        }
        return try await RoundTable.load(round.requireID, on: app.db)
    }
}
