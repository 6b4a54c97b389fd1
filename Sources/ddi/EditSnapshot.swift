import ArgumentParser
import DDIEdit
import DDIKit
import DDIPlan
import Foundation

/// The live snapshot an edit looks at (`ddi allocate`, `ddi offboard`): which numbers the tenant
/// holds, and which identities its directory has.
struct EditSnapshot {
    var snapshot: LiveSnapshot

    /// `given` (--live) when not empty, else the `live:` directory of ddi.yaml; nil when there is
    /// neither. A snapshot given on the command line must be readable; the configured one may be
    /// missing or broken (an edit does not need it), which is said on standard error.
    static func load(given: [String], root: String, configuredLive: String?) throws -> EditSnapshot? {
        if !given.isEmpty {
            do {
                return EditSnapshot(snapshot: try SnapshotLoader.load(paths: given))
            } catch {
                StandardError.line(error.message)
                throw CommandRefusal("the snapshot given with --live cannot be read; nothing was written")
            }
        }
        guard let configuredLive else { return nil }
        let path = (root as NSString).appendingPathComponent(configuredLive)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return EditSnapshot(snapshot: try SnapshotLoader.load(paths: [path]))
        } catch {
            StandardError.line("check: the snapshot in \(TextEscaping.terminal(configuredLive)) cannot be read, so it was not consulted (ddi plan says why)")
            return nil
        }
    }

    /// The UPNs of the directory export; empty when the snapshot has none.
    var directory: [String] { snapshot.accounts.map(\.upn) }

    var hasDirectory: Bool { snapshot.hasDirectory }

    /// The numbers the tenant holds and has not assigned; nil when the snapshot lists no numbers (no
    /// numbers export: nothing is known about what the tenant holds).
    var unassignedNumbers: Set<PhoneNumber>? {
        guard !snapshot.numbers.isEmpty else { return nil }
        return Set(snapshot.numbers.filter { !$0.status.isAssigned }.map(\.number))
    }
}
