import Foundation

/// Runs a system tool (pdftotext, pdftoppm, tesseract) directly, never through a shell, with a
/// wall-clock limit and, where `prlimit` exists, limits on memory and CPU time.
struct ExternalTool {
    let name: String
    let path: String

    static let searchPath = ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"]

    /// The tool on this machine, or nil.
    static func find(_ name: String) -> ExternalTool? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + searchPath
        for directory in directories {
            let path = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return ExternalTool(name: name, path: path) }
        }
        return nil
    }

    enum Failure: Error {
        case timedOut
        case failed(status: Int32)
    }

    /// Runs with `arguments`; returns standard output.
    func run(_ arguments: [String], seconds: Int = 60, memoryBytes: Int = 1 << 30) throws -> Data {
        let process = Process()
        if let prlimit = ExternalTool.find("prlimit") {
            process.executableURL = URL(fileURLWithPath: prlimit.path)
            process.arguments = ["--as=\(memoryBytes)", "--cpu=\(seconds)", "--", path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
        }
        let output = Pipe()
        process.standardOutput = output
        // A damaged PDF makes pdftotext print an error per object: a pipe nobody reads would fill
        // and stall the tool until the timeout. Its messages are not shown to users anyway.
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Read while it runs, so a large output cannot fill the pipe and stall the tool.
        let buffer = OutputBuffer()
        let readingDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            buffer.data = output.fileHandleForReading.readDataToEndOfFile()
            readingDone.signal()
        }
        if finished.wait(timeout: .now() + .seconds(seconds)) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw Failure.timedOut
        }
        readingDone.wait()
        guard process.terminationStatus == 0 else { throw Failure.failed(status: process.terminationStatus) }
        return buffer.data
    }

    /// Written by the reading thread before it signals, read after the wait.
    private final class OutputBuffer: @unchecked Sendable {
        var data = Data()
    }
}

/// A private working folder removed when the reading is done.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-read-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
