import ArgumentParser
import Foundation

/// `--color auto|always|never`: whether ddi colours its markers and severities.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// The `--color` option of the commands whose output has markers (`+ ~ - !`) or severities.
struct ColorOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colour markers and severities: auto colours on a terminal unless NO_COLOR is set.", valueName: "WHEN"))
    var color: ColorChoice = .auto

    /// The painter for standard output.
    func painter(environment: [String: String] = ProcessInfo.processInfo.environment) -> Painter {
        Painter(enabled: Self.colors(color, terminal: isatty(1) != 0, environment: environment))
    }

    /// `always` and `never` win; `auto` colours a terminal unless NO_COLOR is set to anything but
    /// the empty string (https://no-color.org).
    static func colors(_ choice: ColorChoice, terminal: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: true
        case .never: false
        case .auto: terminal && (environment["NO_COLOR"] ?? "").isEmpty
        }
    }
}
