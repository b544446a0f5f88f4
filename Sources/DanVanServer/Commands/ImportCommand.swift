import ArgumentParser
import DanVanCore
import DanVanDocuments
import Foundation

/// `danvan import FILE --json`: reads a plan and prints what it found. Stores nothing and needs
/// no database. Exit code 2 when the file is not a readable plan.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Đọc một kế hoạch (.txt, .md, .docx) và in những gì đọc được.")

    @Argument(help: "Tệp kế hoạch.") var file: String
    @Flag(help: "In dạng JSON.") var json = false
    @Flag(help: "In các dòng mà bộ đọc nhìn thấy (để chẩn đoán khi đọc sai).") var lines = false

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PlanImportFailure("Không đọc được tệp \(file).")
        }
        if lines {
            do {
                for line in try PlanFileReader.lines(data, filename: url.lastPathComponent) {
                    print("\(line.number)\t\(line.isTableRow ? "[bảng] " : "")\(line.text)")
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
        print(json ? try PlanDocumentJSON.encode(document) : PlanDocumentSummary.text(document))
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
