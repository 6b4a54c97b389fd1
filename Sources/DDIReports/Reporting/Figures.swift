import Foundation

/// Number formatting shared by the renderers: fixed decimals, no locale.
enum Figures {
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, abs(scaled) < 9e17 else { return "-" }
        let units = Int64(scaled)
        let digits = String(units.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let whole = padded.dropLast(decimals), fraction = padded.suffix(decimals)
        return (units < 0 ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "")
    }

    static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }

    static func money(_ value: Double, _ currency: String) -> String { "\(fixed(value, 2)) \(currency)" }

    static func rate(_ forecast: RangeForecast) -> String {
        guard let perMonth = forecast.perMonth else { return "-" }
        let text = fixed(perMonth, 1)
        return (perMonth > 0 && text != "0.0" ? "+" : "") + text + "/mo"
    }

    static func runOut(_ forecast: RangeForecast) -> String {
        switch forecast.runOut {
        case .unknown: "unknown"
        case .never: "never"
        case .on(let day): day.description
        }
    }
}
