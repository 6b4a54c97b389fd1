import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast generator whose whole sequence follows
/// from one 64-bit seed, so that a randomised test that fails can be run again exactly.
/// The seed is `DDI_FUZZ_SEED` (decimal, or hex with `0x`) when set, else the test's fixed default;
/// tests print it and put it in their failure messages.
public struct SeededGenerator: RandomNumberGenerator {
    public static let environmentKey = "DDI_FUZZ_SEED"

    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    public init(defaultSeed: UInt64, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(seed: environment[Self.environmentKey].flatMap(Self.parse) ?? defaultSeed)
    }

    public static func parse(_ text: String) -> UInt64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.hasPrefix("0x") ? UInt64(trimmed.dropFirst(2), radix: 16) : UInt64(trimmed)
    }

    /// For failure messages and the log: how to run the same sequence again.
    public var replay: String { "\(Self.environmentKey)=\(seed)" }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
