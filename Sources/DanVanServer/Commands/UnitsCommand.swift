import DanVanCore
import ArgumentParser
import Foundation

struct UnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units", abstract: "Xem, nhập, xuất đơn vị.",
        subcommands: [List.self, Import.self, Export.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê đơn vị (mã, tên, loại, cấp, mã cấp trên, hiệu lực).")

        @OptionGroup var common: CommonOptions
        @Flag(help: "In dạng JSON.") var json = false

        func run() async throws {
            let units = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                try await UnitQueries.dtos(try await OrgUnit.query(on: app.db).sort(\.$code).all(), on: app.db)
            }
            CommandOutput.line(json ? try UnitListing.json(units) : UnitListing.table(units))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Nhập đơn vị từ tệp CSV (toàn bộ hoặc không gì cả).")

        @OptionGroup var common: CommonOptions
        @Argument(help: "Tệp CSV.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("Không đọc được tệp \(file).")
            }
            let summary = try await AppRunner.withApplication(try common.settings(), .writes) { app in
                do {
                    return try await UnitsCSVImport.perform(data, by: .commandLine, on: app.db)
                } catch let error as AppError {
                    let lines = error.issues.isEmpty ? [error.reason] : error.issues.map(\.description)
                    throw ValidationError("Không nhập gì cả; sửa các lỗi sau rồi chạy lại:\n" + lines.joined(separator: "\n"))
                }
            }
            CommandOutput.line("Đã nhập: \(summary.created) đơn vị mới, \(summary.updated) đơn vị được cập nhật.")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xuất đơn vị ra CSV (cùng định dạng với lệnh nhập).")

        @OptionGroup var common: CommonOptions
        @Argument(help: "Tệp CSV sẽ ghi; bỏ trống để in ra màn hình.") var file: String?

        func run() async throws {
            let data = try await AppRunner.withApplication(try common.settings(), .readOnly) { app in
                try await UnitExporter.csv(rootIDs: nil, on: app.db)
            }
            if let file {
                try data.write(to: URL(fileURLWithPath: file))
            } else {
                CommandOutput.data(data)
            }
        }
    }
}

/// How `danvan units list` prints.
enum UnitListing {
    struct Row: Encodable {
        let code: String
        let name: String
        let kind: String
        let level: String
        let parentCode: String?
        let validFrom: String?
        let validTo: String?
    }

    static func json(_ units: [UnitDTO]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let rows = units.map { Row(code: $0.code, name: $0.name, kind: $0.kind, level: $0.level, parentCode: $0.parentCode,
                                   validFrom: $0.validFrom, validTo: $0.validTo) }
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }

    static func table(_ units: [UnitDTO]) -> String {
        let header = ["Mã", "Tên", "Loại", "Cấp", "Cấp trên", "Hiệu lực"]
        let rows = units.map { unit in
            // Names stored before controls were refused still cannot move the terminal's cursor.
            [unit.code, unit.name, unit.kind, unit.level, unit.parentCode ?? "—",
             "\(unit.validFrom ?? "…") → \(unit.validTo ?? "…")"].map { FreeText.printable($0) }
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n\(units.count) đơn vị."
    }
}
