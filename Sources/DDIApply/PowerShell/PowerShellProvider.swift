/// `ddi apply --provider powershell`: writes the steps as a script of MicrosoftTeams cmdlets
/// (`PowerShellScriptWriter`) for a person to run; every value is checked for its shape before
/// anything is written.
public struct PowerShellProvider: ScriptProvider {
    public static let name = "powershell"
    public static let summary = "write a script"
    public static let nextStep = "Run it in a session with Connect-MicrosoftTeams."

    public static var appliesRouting: Bool { true }

    private var routing: [RoutingStep] = []

    public init(context: ApplyContext) { routing = context.routing }

    public static func check(_ step: ApplyStep) throws(ApplyRefusal) {
        try ScriptValueShapes.check(step)
    }

    public func script(for steps: [ApplyStep], checksum: String) throws(ApplyRefusal) -> String {
        try PowerShellScriptWriter.script(for: steps, routing: routing, checksum: checksum)
    }
}
