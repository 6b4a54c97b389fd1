import Foundation

/// How long each phase of a command took, for the benchmarks: enabled by `DDI_TIMING=1`, it costs
/// nothing otherwise. A class, so that the library and the command lap the same clock.
public final class PhaseClock: @unchecked Sendable {
    private let enabled: Bool
    private var last = DispatchTime.now()
    private var laps: [(String, Double)] = []

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = environment["DDI_TIMING"] == "1"
    }

    public func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    /// One line per phase ("validate          0.123 s"), or nil when timing is off.
    public var report: String? {
        guard enabled else { return nil }
        return laps.map { $0.0.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: " %.3f s", $0.1) }.joined(separator: "\n") + "\n"
    }
}
