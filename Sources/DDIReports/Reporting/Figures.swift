import DDIKit
import Foundation

/// Number formatting shared by the renderers: fixed decimals, comma thousands separators, no locale
/// (the same text on every machine, so that goldens and CI logs compare).
enum Figures {
    static func fixed(_ value: Double, _ decimals: Int, grouped: Bool = false) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, abs(scaled) < 9e17 else { return "-" }
        let units = Int64(scaled)
        let digits = String(units.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let whole = String(padded.dropLast(decimals)), fraction = padded.suffix(decimals)
        return (units < 0 ? "-" : "") + (grouped ? group(whole) : whole) + (decimals > 0 ? "." + fraction : "")
    }

    /// A count with thousands separators: 12,345.
    static func count(_ value: UInt64) -> String { group(String(value)) }

    /// Digits in groups of three from the right, separated by commas.
    static func group(_ digits: String) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }

    static func money(_ value: Double, _ currency: String) -> String { "\(fixed(value, 2, grouped: true)) \(currency)" }

    /// Amounts in several currencies, never added together: "1,200.00 DKK, 300.00 SEK".
    static func moneyList(_ amounts: [String: Double]) -> String? {
        amounts.isEmpty ? nil : amounts.sorted { $0.key < $1.key }.map { money($0.value, $0.key) }.joined(separator: ", ")
    }

    static func rate(_ forecast: RangeForecast) -> String {
        guard let perMonth = forecast.perMonth else { return "-" }
        let text = fixed(perMonth, 1, grouped: true)
        return (perMonth > 0 && text != "0.0" ? "+" : "") + text + "/mo"
    }

    /// The last year a run-out day is shown as a date: beyond it the day means nothing to a budget.
    static let lastDatedYear = 2100

    static func runOut(_ forecast: RangeForecast) -> String {
        switch forecast.runOut {
        case .unknown: "unknown"
        case .never: "never"
        case .on(let day): runOutDay(day)
        }
    }

    static func runOutDay(_ day: Day) -> String {
        day.components.year > lastDatedYear ? "after \(lastDatedYear)" : day.description
    }

    static func idleSince(_ since: HandBackList.IdleSince) -> String {
        switch since {
        case .orEarlier(let start): "\(start) or earlier"
        case .day(let day): day.description
        case .unknown: "unknown"
        }
    }

    static func reason(_ reason: HandBackList.Reason) -> String {
        switch reason {
        case .free: "free"
        case .expiredReservation: "reservation ended"
        }
    }
}
