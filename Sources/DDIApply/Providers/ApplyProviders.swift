/// Every `--provider`, in the order `--help` lists them. A new provider is one file conforming to
/// `ApplyProvider` (usually through `OnlineProvider` or `ScriptProvider`) and one line here.
public enum ApplyProviders {
    public static var all: [any ApplyProvider.Type] {
        [
            PowerShellProvider.self,
            GraphProvider.self,
        ]
    }

    public static var names: [String] { all.map { $0.name } }

    public static func named(_ name: String) -> (any ApplyProvider.Type)? {
        all.first { $0.name == name }
    }

    /// The providers that write a script (`--script-out`), in words: "powershell".
    public static var scriptWriterNames: String {
        all.filter { $0.writesScript }.map { $0.name }.joined(separator: ", ")
    }

    /// "powershell (write a script) or graph (call Microsoft Graph)."
    public static var help: String {
        let choices = all.map { "\($0.name) (\($0.summary))" }
        guard let last = choices.last else { return "" }
        return (choices.count > 1 ? choices.dropLast().joined(separator: ", ") + " or " + last : last) + "."
    }
}
