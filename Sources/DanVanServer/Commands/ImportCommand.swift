import ArgumentParser
import DanVanCore
import DanVanDocuments
import Foundation

/// `danvan import FILE --json`: reads a plan and prints what it found. Stores nothing and needs
/// no database. Exit code 2 when the file is not a readable plan.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Đọc kế hoạch (.txt, .md, .docx) và in những gì đọc được; với --save thì lưu.")

    @Argument(help: "Tệp kế hoạch, hoặc thư mục (với --save).") var file: String
    @Flag(help: "In dạng JSON.") var json = false
    @Flag(help: "In các dòng mà bộ đọc nhìn thấy (để chẩn đoán khi đọc sai).") var lines = false
    @Flag(help: "Lưu các kế hoạch đọc được vào cơ sở dữ liệu.") var save = false
    @ArgumentParser.Option(help: "Mã đơn vị ban hành (mặc định: đoán từ tên cơ quan ban hành).") var unit: String?
    @OptionGroup var common: CommonOptions

    func run() async throws {
        if save {
            let summary = try await AppRunner.withApplication(try common.settings(), .writes) { app in
                try await PlanFolderImport.run(path: file, unitCode: unit, on: app.db)
            }
            CommandOutput.error(summary.text + "\n")
            if summary.stored == 0 { throw ExitCode(2) }
            return
        }
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PlanImportFailure("Không đọc được tệp \(file).")
        }
        if lines {
            do {
                for line in try PlanFileReader.lines(data, filename: url.lastPathComponent) {
                    CommandOutput.line("\(line.number)\t\(line.isTableRow ? "[bảng] " : "")\(line.text)")
                }
            } catch {
                throw PlanImportFailure(error.description)
            }
            return
        }
        let document: PlanDocument
        do {
            document = try PlanFileReader.read(data, filename: url.lastPathComponent)
        } catch {
            throw PlanImportFailure(error.description)
        }
        CommandOutput.line(json ? try PlanDocumentJSON.encode(document) : PlanDocumentSummary.text(document))
        if document.kind != .plan { throw ExitCode(2) }
    }
}

/// A file that cannot be read as a plan: one line on stderr, exit code 2.
struct PlanImportFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
