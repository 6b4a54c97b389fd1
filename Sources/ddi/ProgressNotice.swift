import Foundation

/// A progress line on standard error for work that may take more than a second (a cold history or
/// audit, a big plan, apply's planning): shown only on a terminal, only once the work has run for
/// `delay`, and erased when it ends, so quick runs and logs never see it.
final class ProgressNotice: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = false
    private var shown = false
    private let text: String
    private let write: @Sendable (String) -> Void

    private init(text: String, write: @escaping @Sendable (String) -> Void) {
        self.text = text
        self.write = write
    }

    /// Runs `work`, showing `text` meanwhile when `terminal` (default: standard error is one).
    static func around<T>(_ text: String, terminal: Bool = isatty(2) != 0, delay: TimeInterval = 1,
                          write: @escaping @Sendable (String) -> Void = { StandardError.write($0) },
                          _ work: () throws -> T) rethrows -> T {
        guard terminal else { return try work() }
        let notice = ProgressNotice(text: text, write: write)
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { notice.show() }
        defer { notice.finish() }
        return try work()
    }

    private func show() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        shown = true
        write(StandardError.redrawPrefix + text + "…")
    }

    private func finish() {
        lock.lock()
        defer { lock.unlock() }
        finished = true
        if shown { write(StandardError.redrawPrefix) }
    }
}
