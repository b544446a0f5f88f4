import ArgumentParser
import DanVanCore
import Foundation

/// `danvan inspections list`: inspections with their findings and requirements.
struct InspectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspections", abstract: "Kiểm tra, giám sát: các cuộc, kết luận và yêu cầu khắc phục.",
                                                    subcommands: [List.self, Notice.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liệt kê các cuộc kiểm tra, giám sát do đơn vị và cấp dưới tiến hành (không có --unit: mọi đơn vị gốc), với nội dung kết luận, yêu cầu, trạng thái và thời hạn.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String?
        @ArgumentParser.Option(help: "Năm bắt đầu cuộc kiểm tra (mặc định: mọi năm).") var year: Int?
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let inspections = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                var roots = try await UnitQueries.roots(on: app.db)
                if let unit { roots = [try await UnitQueries.require(code: unit, field: "unit", on: app.db)] }
                var answer: [InspectionJSON.Inspection] = []
                for root in roots {
                    for inspection in try await InspectionQueries.inspections(by: root.requireID, year: year, on: app.db) {
                        answer.append(try await InspectionJSON.inspection(try await InspectionContext.load(inspection.requireID, on: app.db),
                                                                          today: Today.date, on: app.db))
                    }
                }
                return answer
            }
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(inspections).utf8String)
            } else {
                CommandOutput.line(inspections.map { inspection in
                    let open = inspection.requirements.filter { RequirementState(rawValue: $0.state)?.isOpen == true }.count
                    return "\(inspection.startsOn)\t\(inspection.unitCode)\t\(inspection.title)\t\(inspection.subjects.joined(separator: ","))\t"
                        + (inspection.concludedOn.map { "kết luận \($0); \(inspection.requirements.count) yêu cầu, \(open) đang mở" } ?? "chưa kết luận")
                }.joined(separator: "\n"))
            }
        }
    }

    struct Notice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ghi thông báo kết luận của một cuộc kiểm tra (.docx) hoặc bảng kết luận và yêu cầu khắc phục (.xlsx).")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Số của cuộc kiểm tra (id trong danh sách --json).") var id: Int
        @ArgumentParser.Option(help: "Tệp ra: .docx (thông báo) hoặc .xlsx (bảng).") var output: String

        func run() async throws {
            let xlsx = output.lowercased().hasSuffix(".xlsx")
            guard xlsx || output.lowercased().hasSuffix(".docx") else { throw AppError.invalid("output", "Tệp ra phải là .docx hoặc .xlsx: \(output).") }
            let data = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let context = try await InspectionContext.load(id, on: app.db)
                guard context.inspection.concludedOn != nil else {
                    throw AppError(.conflict, "Cuộc kiểm tra #\(id) chưa có kết luận.", field: "id")
                }
                return xlsx ? try await ConclusionDocuments.xlsx(context, today: Today.date, on: app.db)
                    : try await ConclusionDocuments.docx(context, today: Today.date, on: app.db)
            }
            try data.write(to: URL(fileURLWithPath: output))
            CommandOutput.line("Đã ghi \(output).")
        }
    }
}
