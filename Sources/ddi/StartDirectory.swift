import ArgumentParser
import DDIKit
import Foundation

/// `-C DIR` as git has it: ddi runs as if started in DIR. Every relative path on the command line
/// (`--live`, `--out`, `--file`, a blame file, a plan file) is then read from DIR, because the process
/// really changes to it before the command runs. It may come before the subcommand (`ddi -C inv
/// blame sites/x.yaml`, any number of times, each relative to the one before, as in git) or after it
/// (`ddi plan -C inv --live live`).
enum StartDirectory {
    /// The `-C` values in front of the subcommand, and the arguments after them.
    static func leading<Arguments: Collection<String>>(in arguments: Arguments) -> (directories: [String], rest: [String]) {
        var directories: [String] = []
        var rest = Array(arguments)
        while let first = rest.first, first.hasPrefix("-C") {
            if first == "-C" {
                guard rest.count >= 2 else { break } // "-C" with nothing after: the parser reports it
                directories.append(rest[1])
                rest.removeFirst(2)
            } else {
                directories.append(String(first.dropFirst(2)))
                rest.removeFirst()
            }
        }
        return (directories, rest)
    }

    /// Changes the process's working directory to `path`; a missing DIR is a usage error (64).
    static func change(to path: String) throws {
        var isDirectory: ObjCBool = false
        let shown = TextEscaping.terminal(path)
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("-C \(shown): no such directory")
        }
        guard isDirectory.boolValue else { throw ValidationError("-C \(shown): not a directory") }
        guard FileManager.default.changeCurrentDirectoryPath(path) else {
            throw ValidationError("-C \(shown): cannot change to it (permission denied?)")
        }
    }
}

/// `-C DIR` for commands that read no inventory (import, explain).
struct DirectoryOption: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in DIR: relative paths are read from there.", valueName: "DIR"),
            completion: .directory)
    var directory: String?
}
