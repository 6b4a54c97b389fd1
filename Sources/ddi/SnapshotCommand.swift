import ArgumentParser
import DDIApply
import Foundation

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Work with live snapshots.",
        subcommands: [SnapshotPullCommand.self]
    )
}

struct SnapshotPullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Read every number assignment and the directory from Microsoft Graph into a snapshot directory.",
        discussion: """
        Writes number-assignments.json (a Graph numberAssignments page) and users.json (the directory) \
        into DIR, replacing what DIR held; ddi plan --live DIR reads them. Credentials come from \
        DDI_GRAPH_TENANT_ID, DDI_GRAPH_CLIENT_ID, DDI_GRAPH_CLIENT_SECRET (DDI_GRAPH_BASE_URL and \
        DDI_LOGIN_BASE_URL override the endpoints). Exit status: 0 written, 1 failed, 64 usage.
        """
    )

    @Option(help: ArgumentHelp("The snapshot directory to write (replaced as a whole).", valueName: "DIR"))
    var out: String

    func run() throws {
        do {
            let configuration = try GraphConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
            let client = GraphClient(configuration: configuration)
            let summary = try SnapshotPuller.pull(client: client, outDirectory: out)
            print("Wrote \(out): \(summary.numbers) number(s), \(summary.users) account(s).")
        } catch let refusal as ApplyRefusal {
            StandardError.write("ddi snapshot pull: \(refusal.message)\n")
            throw ExitCode(1)
        } catch let error as GraphError {
            StandardError.write("ddi snapshot pull: \(error.message)\n")
            throw ExitCode(1)
        }
    }
}
