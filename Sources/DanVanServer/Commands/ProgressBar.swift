import Foundation

/// A progress bar on standard error, so standard output stays clean for scripts. Redrawn
/// in place on a terminal; one line per tenth otherwise (CI logs).
final class ProgressBar: @unchecked Sendable {
    private var total = 0
    private var done = 0
    private var lastTenth = -1
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let enabled: Bool

    init(enabled: Bool = true) {
        self.enabled = enabled
    }

    func note(_ text: String) {
        write(text + "\n")
    }

    func start(total: Int) {
        self.total = max(total, 1)
        done = 0
    }

    func advance(_ label: String) {
        done += 1
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = done * 100 / total
        if isTerminal {
            write("\r[\(bar)] \(percent)% \(label)\u{1B}[K")
        } else if percent / 10 != lastTenth {
            lastTenth = percent / 10
            write("[\(bar)] \(percent)% \(label)\n")
        }
    }

    func finish() {
        if isTerminal { write("\n") }
    }

    private func write(_ text: String) {
        guard enabled else { return }
        CommandOutput.error(text)
    }
}
