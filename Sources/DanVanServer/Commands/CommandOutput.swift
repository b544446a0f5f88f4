import Foundation

/// Where commands write: standard output and standard error, or a test's buffers when a test
/// runs the command line in-process (`DanVanCommand.run(_:)`).
final class CommandOutput: @unchecked Sendable {
    @TaskLocal static var current = CommandOutput()

    private let lock = NSLock()
    private let capturing: Bool
    private var out = Data()
    private var err = Data()

    /// Writes to the process's standard streams.
    init() { capturing = false }

    /// Keeps what is written, for a test to read.
    init(capturing: Bool) { self.capturing = capturing }

    var standardOutput: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var standardError: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    static func line(_ text: String) { current.write(Data((text + "\n").utf8), error: false) }
    static func data(_ data: Data) { current.write(data, error: false) }
    static func error(_ text: String) { current.write(Data(text.utf8), error: true) }

    private func write(_ data: Data, error: Bool) {
        guard capturing else {
            (error ? FileHandle.standardError : FileHandle.standardOutput).write(data)
            return
        }
        lock.withLock { if error { err.append(data) } else { out.append(data) } }
    }
}
