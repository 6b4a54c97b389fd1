import Dispatch

/// Maps independent work items on all cores, keeping the input order.
public enum Parallel {
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.store(transform(inputs[index]), at: index)
        }
        return results.values()
    }
}

/// Each slot is written by exactly one iteration of `concurrentPerform`, and read only after it
/// returns. The slots are one fixed allocation, never an `Array`: writing an array's elements from
/// several threads is a mutating access of the array itself (`withUnsafeMutableBufferPointer` moves
/// it out while it runs), and concurrent workers then found it empty and reallocated it.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Value?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        guard index >= 0, index < count else { return }
        slots[index] = value
    }

    func values() -> [Value] { UnsafeBufferPointer(start: slots, count: count).compactMap { $0 } }
}
