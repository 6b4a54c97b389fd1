import ArgumentParser

/// A command that takes `-C DIR` by an option of its own (not one of the shared option groups).
protocol StartsInDirectory {
    var startDirectory: String? { get }
}

/// A command whose `-C` only names the inventory and whose paths are not read from it (the git hook).
protocol ResolvesItsOwnStartDirectory {}

extension SnapshotPullCommand: StartsInDirectory { var startDirectory: String? { directory } }
extension HookPrepareCommitMessageCommand: ResolvesItsOwnStartDirectory {}

extension StartDirectory {
    /// The `-C` a parsed command was given after its name, found in its option groups, so that a new
    /// command with `InventoryOptions` (or `UndatedInventoryOptions`, `DirectoryOption`) gets -C
    /// without anything else to remember.
    static func requested(by command: ParsableCommand) -> String? {
        if command is ResolvesItsOwnStartDirectory { return nil }
        if let explicit = command as? StartsInDirectory { return explicit.startDirectory }
        for child in Mirror(reflecting: command).children {
            switch child.value {
            case let group as OptionGroup<InventoryOptions>: return group.wrappedValue.directory
            case let group as OptionGroup<UndatedInventoryOptions>: return group.wrappedValue.directory
            case let group as OptionGroup<DirectoryOption>: return group.wrappedValue.directory
            default: continue
            }
        }
        return nil
    }
}
