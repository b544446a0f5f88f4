import ArgumentParser
import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan deadline`: the deadline rules in force, a due date computed from one (pure, for
/// checking the table), and the calendar's days off as the administrator corrects them.
struct DeadlineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deadline", abstract: "Quy tắc thời hạn xử lý đơn thư và lịch ngày nghỉ.")

    @OptionGroup var common: CommonOptions
    @Flag(help: "Liệt kê quy tắc đang có hiệu lực.") var list = false
    @ArgumentParser.Option(help: "Mã quy tắc để tính hạn (xem --list).") var rule: String?
    @ArgumentParser.Option(help: "Ngày phát sinh (YYYY-MM-DD) khi tính hạn.") var from: String?
    @Flag(help: "Vụ việc phức tạp.") var complex = false
    @Flag(name: .customLong("very-complex"), help: "Vụ việc đặc biệt phức tạp.") var veryComplex = false
    @Flag(help: "Vùng sâu, vùng xa, đi lại khó khăn.") var remote = false
    @ArgumentParser.Option(name: .customLong("add-day"), help: "Thêm hoặc sửa một ngày của lịch (YYYY-MM-DD), với --kind, --name, --citation.") var addDay: String?
    @ArgumentParser.Option(help: "Loại ngày: nghỉ | làm bù.") var kind: String?
    @ArgumentParser.Option(help: "Tên ngày (Tết Nguyên đán, nghỉ bù …).") var name: String?
    @ArgumentParser.Option(help: "Văn bản quy định.") var citation: String?
    @Flag(help: "In dạng JSON.") var json = false

    func run() async throws {
        let settings = try common.settings()
        if let addDay {
            let day = try await AppRunner.withApplication(settings, .writes) { app in
                try await DeadlineLookup.setDay(date: addDay, kind: kind ?? "", name: name ?? "", citation: citation ?? "", by: .commandLine, on: app.db)
            }
            CommandOutput.line("Đã ghi \(day.date.vietnamese): \(day.kind.label), \(day.name).")
        } else if let rule {
            let circumstances = DeadlineRule.Circumstances(complexity: veryComplex ? .veryComplex : (complex ? .complex : .ordinary), remote: remote)
            let due = try await AppRunner.withApplication(settings, .readOnly) { app in
                try await DeadlineLookup.due(ruleKey: rule, from: from ?? "", circumstances: circumstances, on: app.db)
            }
            CommandOutput.line(json ? try PlanListing.encoder.encode(due).utf8String
                               : "\(due.rule): từ \(due.from) đến hạn \(due.due) (\(due.dayKind == "working" ? "ngày làm việc" : "ngày"); \(due.citation))")
        } else if list {
            let rules = try await AppRunner.withApplication(settings, .readOnly) { app in try await DeadlineLookup.inForce(on: Today.date, db: app.db) }
            let rows = rules.map(CitizenJSON.rule)
            CommandOutput.line(json ? try PlanListing.encoder.encode(rows).utf8String
                               : rows.map { "\($0.key)\t\($0.limit) \($0.dayKind == "working" ? "ngày làm việc" : "ngày")\t\($0.event)\t\($0.citation)" }.joined(separator: "\n"))
        } else {
            throw ValidationError("Chọn --list, --rule KEY --from NGÀY hoặc --add-day NGÀY.")
        }
    }
}

/// `danvan cases list | import`: the register of citizens' matters, never with an identity.
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "Sổ theo dõi đơn thư: liệt kê, nhập từ bảng tính.",
                                                    subcommands: [List.self, Import.self, Report.self, Copy.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê vụ việc của một đơn vị và cấp dưới (không có --unit: mọi đơn vị gốc); không có danh tính.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String?
        @ArgumentParser.Option(help: "Trạng thái: received, accepted, assigned, answered, closed, transferred, guided, hoặc overdue.") var status: String?
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            if let status, status != "overdue", CaseStatus(rawValue: status) == nil {
                throw ValidationError("Trạng thái \"\(status)\" không có; chọn một trong: \(CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")), overdue.")
            }
            let today = Today.date
            let rows = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                var roots = try await UnitQueries.roots(on: app.db)
                if let unit { roots = [try await UnitQueries.require(code: unit, field: "unit", on: app.db)] }
                let filter = CaseQueries.Filter(status: status.flatMap(CaseStatus.init(rawValue:)), overdueOnly: status == "overdue")
                var rows: [CaseQueries.Row] = []
                for root in roots {
                    rows += try await CaseQueries.list(under: root.requireID, filter: filter, today: Today.date, limit: 1_000, on: app.db)
                }
                return rows
            }
            if json {
                CommandOutput.line(try PlanListing.encoder.encode(rows.map { CitizenJSON.listing($0, today: today) }).utf8String)
            } else {
                CommandOutput.line(rows.map { "\($0.tracking_code)\t\($0.unit_code)\t\($0.caseKind.label)\t\($0.received_on)\t\($0.caseStatus.label)\t\($0.due_on ?? "—")\t\($0.subject)" }
                    .joined(separator: "\n"))
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhập sổ đơn thư (XLSX hoặc CSV): mọi dòng hoặc không dòng nào; danh tính người tố cáo bị từ chối ở chế độ mặc định.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "Tệp .xlsx hoặc .csv.") var file: String
        @ArgumentParser.Option(help: "Mã đơn vị tiếp nhận.") var unit: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw AppError.invalid("file", "Không đọc được tệp \(file).") }
            let settings = try common.settings()
            let count = try await AppRunner.withApplication(settings, .writes) { app in
                try await CasesImport.perform(data, filename: file, unitCode: unit, today: Today.date, key: settings.identityKey, by: .commandLine, on: app.db)
            }
            CommandOutput.line("Đã nhập \(count) vụ việc.")
        }
    }
}

extension CasesCommand {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Báo cáo tiếp công dân, giải quyết đơn thư của đơn vị và cấp dưới (.docx hoặc .xlsx theo đuôi tệp).")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã đơn vị.") var unit: String
        @ArgumentParser.Option(help: "Kỳ: năm (2026), tháng (2026-11), q1, 6t, 9t.") var period: String
        @ArgumentParser.Option(help: "Năm của kỳ q1, 6t, 9t (mặc định: năm nay).") var year: Int?
        @ArgumentParser.Option(help: "Tệp .docx hoặc .xlsx.") var output: String

        func run() async throws {
            let docx = output.lowercased().hasSuffix(".docx")
            guard docx || output.lowercased().hasSuffix(".xlsx") else { throw ValidationError("Tệp ra phải có đuôi .docx hoặc .xlsx.") }
            let data = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                let root = try await UnitQueries.require(code: unit, field: "unit", on: app.db)
                let chosen = CitizenReportPeriod(parsing: period, year: year ?? Int(period.prefix(4)) ?? Today.date.year)
                let report = try await CitizenReport.query(unit: root, period: chosen, today: Today.date, on: app.db)
                return docx ? try await CitizenReportDocuments.docx(report, on: app.db) : try await CitizenReportDocuments.xlsx(report, on: app.db)
            }
            try data.write(to: URL(fileURLWithPath: output))
            CommandOutput.line("Đã ghi \(output).")
        }
    }
}

extension CasesCommand {
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bản sao nội dung đơn để chuyển xác minh (.docx), không kèm thông tin người gửi đơn.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(help: "Mã tra cứu của vụ việc (trên phiếu tiếp nhận).") var code: String
        @ArgumentParser.Option(help: "Tệp .docx.") var output: String

        func run() async throws {
            guard output.lowercased().hasSuffix(".docx") else { throw ValidationError("Tệp ra phải có đuôi .docx.") }
            let data = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                guard let normalized = TrackingCode.normalized(code),
                      let record = try await CitizenCase.query(on: app.db).filter(\.$trackingCode == normalized).first() else {
                    throw ValidationError("Không có vụ việc mã \"\(code)\".")
                }
                return try await RedactedCopyDocuments.docx(try await CaseContext.load(record.requireID, on: app.db), on: app.db)
            }
            try data.write(to: URL(fileURLWithPath: output))
            CommandOutput.line("Đã ghi \(output).")
        }
    }
}

/// `danvan identity new-key | rotate`: the key that seals denouncers' identities.
struct IdentityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "identity", abstract: "Khóa mã hóa danh tính người tố cáo: tạo khóa, đổi khóa.",
                                                    subcommands: [NewKey.self, Rotate.self])

    struct NewKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new-key", abstract: "In một khóa mới (32 byte, base64) để lưu vào tệp DANVAN_IDENTITY_KEY_FILE.")

        func run() async throws {
            CommandOutput.line(IdentityKey.generate())
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Niêm phong lại mọi danh tính và bản chụp đơn bằng khóa mới, trong một giao dịch; khóa cũ lấy từ cấu hình hiện tại.")

        @OptionGroup var common: CommonOptions
        @ArgumentParser.Option(name: .customLong("new-key-file"), help: "Tệp chứa khóa mới.") var newKeyFile: String

        func run() async throws {
            let settings = try common.settings()
            guard let old = settings.identityKey else { throw ValidationError("Chưa cấu hình khóa hiện tại (DANVAN_IDENTITY_KEY_FILE).") }
            guard case .success(let loaded) = IdentityKey.load(file: newKeyFile, value: nil), let new = loaded else {
                throw ValidationError("Tệp khóa mới \(newKeyFile) không đọc được hoặc không phải 32 byte base64.")
            }
            let count = try await AppRunner.withApplication(settings, .writes) { app in
                try await IdentityRotation.perform(from: old, to: new, on: app.db)
            }
            CommandOutput.line("Đã niêm phong lại \(count.identities) danh tính và \(count.scans) bản chụp đơn bằng khóa \(new.id). Thay DANVAN_IDENTITY_KEY_FILE bằng tệp khóa mới rồi khởi động lại máy chủ.")
        }
    }
}
