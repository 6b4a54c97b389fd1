import Foundation

/// A value computed on another thread; `value()` waits for it. The plan reads the snapshot this way
/// while it parses and validates the inventory (README "Performance").
public final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Value
    private let done = DispatchSemaphore(value: 0)

    /// `work` runs on a new thread; `placeholder` is only there so that no value is ever forced.
    public init(placeholder: Value, _ work: @escaping @Sendable () -> Value) {
        result = placeholder
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    public func value() -> Value {
        done.wait()
        done.signal()
        return result
    }
}
