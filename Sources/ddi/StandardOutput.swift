import Foundation

/// Large outputs written to standard output as the bytes their renderer made, without a `String` of
/// tens of megabytes in between (`ddi audit`, `ddi report --format json`). Whatever `print` still
/// buffers is flushed first, so the two never come out of order.
enum StandardOutput {
    static func write(_ bytes: [UInt8]) {
        fflush(nil)
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count, let base = buffer.baseAddress {
                let count = Foundation.write(STDOUT_FILENO, base + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                // A closed pipe (`ddi audit | head`) ends the output, as it ends `print`'s.
                guard count > 0 else { return }
                written += count
            }
        }
    }
}
