import ArgumentParser
import DDIGit
import DDIKit
import DDIPlan

/// Reads a directory export (Get-CsOnlineUser / Get-CsOnlineApplicationInstance) for `ddi audit --live`.
enum LiveAccountsReader {
    static func read(path: String) throws -> DirectoryAccounts {
        let snapshot: LiveSnapshot
        do {
            snapshot = try SnapshotLoader.load(paths: [path], requireNumbers: false)
        } catch {
            throw ValidationError("--live \(TextEscaping.terminal(path)): \(TextEscaping.terminal("\(error)"))")
        }
        guard !snapshot.accounts.isEmpty else {
            throw ValidationError("--live \(TextEscaping.terminal(path)) holds no directory export (Get-CsOnlineUser or Get-CsOnlineApplicationInstance)")
        }
        return DirectoryAccounts(
            known: snapshot.accounts.map(\.upn),
            // Resource accounts are disabled for sign-in by design: only a disabled user is a finding.
            disabled: snapshot.accounts.filter { $0.isUser && $0.enabled == false }.map(\.upn),
            includesResourceAccounts: snapshot.accounts.contains { $0.isResourceAccount }
        )
    }
}
