import DanVanCore
import Fluent
import Foundation

/// `danvan import FILE|DIR --save`: stores every plan it can read, with a progress bar, and
/// says what it read, what it skipped and why.
enum PlanFolderImport {
    struct Summary {
        var stored = 0
        var lines: [String] = []

        var text: String {
            (lines + ["Đã lưu \(stored) kế hoạch."]).joined(separator: "\n")
        }
    }

    static func run(path: String, unitCode: String?, on db: any Database) async throws -> Summary {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw PlanImportFailure("Không có tệp hoặc thư mục \(path).")
        }
        let (files, ignored) = isFolder.boolValue ? PlanFileImporter.files(in: url) : ([url], [])
        var summary = Summary()
        summary.lines += ignored.map { "Bỏ qua \($0.0.lastPathComponent): \($0.1)" }
        let bar = ProgressBar()
        bar.start(total: files.count)
        try await ReadAhead.forEach(files.count, read: { index in
            PlanFileImporter.read(named: files[index].lastPathComponent, data: FileManager.default.contents(atPath: files[index].path))
        }) { index, reading in
            let file = files[index]
            bar.advance(file.lastPathComponent)
            switch try await PlanFileImporter.store(reading, named: file.lastPathComponent, unitCode: unitCode, by: .commandLine, on: db) {
            case .stored(let planID, let code):
                summary.stored += 1
                summary.lines.append("Đã lưu \(file.lastPathComponent) → kế hoạch \(planID) của \(code)")
            case .skipped(let reason):
                summary.lines.append("Bỏ qua \(file.lastPathComponent): \(reason)")
            }
        }
        bar.finish()
        return summary
    }
}
