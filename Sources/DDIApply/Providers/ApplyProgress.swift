import Foundation

/// Progress on standard error: a bar redrawn in place on a terminal, plain lines otherwise (CI logs).
public final class ApplyProgress {
    let total: Int
    let terminal: Bool
    let write: (String) -> Void

    public init(total: Int, terminal: Bool, write: @escaping (String) -> Void) {
        self.total = total
        self.terminal = terminal
        self.write = write
    }

    public func step(_ position: Int, _ text: String, outcome: StepOutcome) {
        line(position, text, label: outcome.progressLabel)
    }

    public func failed(_ position: Int, _ text: String) {
        line(position, text, label: "FAILED")
    }

    private func line(_ position: Int, _ text: String, label outcome: String) {
        if terminal {
            let width = 24
            let filled = total == 0 ? width : width * position / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            write("\r\u{1B}[2K[\(bar)] \(position)/\(total) \(outcome): \(text)" + (position == total ? "\n" : ""))
        } else {
            write("[\(position)/\(total)] \(outcome): \(text)\n")
        }
    }
}
