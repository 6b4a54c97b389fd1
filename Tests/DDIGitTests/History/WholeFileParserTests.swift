import DDIKit
import DDITestSupport
import Foundation
import XCTest
@testable import DDIGit

/// Files added or deleted are parsed on other threads during a walk (`WholeFileParser`); the walk's
/// records must equal those of the same walk parsing them on its own thread (`BlobStore.entries`, as
/// before), and commit by commit the changes computed one commit at a time
/// (`ChangeWalker.changes(from:to:number:)`), for
/// loose and packed objects, with and without a number to look for, on generated histories with
/// merges, renames, moves and splits, and with files that are not well-formed YAML or not plain block
/// YAML added and deleted.
final class WholeFileParserTests: XCTestCase {
    /// Commits that add, edit and delete files the window comparison cannot read in parts.
    private func addAwkwardFiles(_ fixture: GitFixture) throws {
        try fixture.write("numbers/broken.yaml", "numbers:\n  - number: [\"+4533129001\"\n    status: assigned\n")
        try fixture.write("numbers/anchored.yaml", "numbers:\n  - &first\n    number: \"+4533129002\"\n    status: reserved\n    reason: held\n  - *first\n")
        try fixture.write("numbers/tabbed.yaml", "numbers:\n  - number: \"+4533129003\"\n    status:\treserved\n    reason: \"a\\tb\"\n")
        try fixture.write("numbers/empty.yaml", "")
        _ = try fixture.commit("awkward files")
        try fixture.write("numbers/broken.yaml", "numbers:\n  - number: \"+4533129001\"\n    status: reserved\n    reason: mended\n")
        try fixture.git("mv", "numbers/anchored.yaml", "numbers/anchored-moved.yaml")
        _ = try fixture.commit("mend and move")
        try fixture.remove("numbers/tabbed.yaml")
        try fixture.remove("numbers/anchored-moved.yaml")
        try fixture.write("numbers/broken-again.yaml", "numbers:\n  - number: \"+4533129004\n")
        _ = try fixture.commit("delete and break")
    }

    /// Each commit's changes against each parent, one commit at a time, every whole file parsed here.
    private func reference(_ repository: GitRepository, _ commits: [GitOID], number: PhoneNumber?) throws -> [GitOID: [[EntryChange]]] {
        let walker = GitHistory(repository: repository, prefix: "", cacheDirectory: nil).walker
        var result: [GitOID: [[EntryChange]]] = [:]
        for oid in commits {
            let commit = try repository.commit(oid)
            let tree = try walker.inventoryTree(of: oid)
            let parents: [GitOID?] = commit.parentOIDs.isEmpty ? [nil] : commit.parentOIDs
            var lists: [[EntryChange]] = []
            for parent in parents {
                let list = try walker.changes(from: try parent.flatMap { try walker.inventoryTree(of: $0) }, to: tree, number: number)
                if list.isEmpty {
                    lists = []
                    break
                }
                lists.append(list)
            }
            if !lists.isEmpty { result[oid] = lists }
        }
        return result
    }

    private func walked(_ repository: GitRepository, _ commits: [GitOID], number: PhoneNumber?, aside: Bool) throws -> [GitOID: [[EntryChange]]] {
        let walker = GitHistory(repository: repository, prefix: "", cacheDirectory: nil).walker
        walker.parsesWholeFilesAside = aside
        var result: [GitOID: [[EntryChange]]] = [:]
        for (oid, record) in try walker.records(for: commits, number: number) {
            if let record { result[oid] = record.changes }
        }
        return result
    }

    func testWalkedRecordsEqualChangesComputedOneCommitAtATime() throws {
        for seed in [4, 9, 11] {
            let history = try GeneratedHistory(seed: UInt64(seed), commits: 36)
            try addAwkwardFiles(history.fixture)
            let numbers: [PhoneNumber?] = [nil] + ["+4533121003", "+4533129001", "+4533129002"].map { try? PhoneNumber.parse($0[...]).get() }
            for packed in [false, true] {
                if packed { try history.fixture.git("repack", "-a", "-d", "-f", "-q", "--window=50", "--depth=50") }
                let repository = try GitRepository.discover(from: history.fixture.path)
                let walker = GitHistory(repository: repository, prefix: "", cacheDirectory: nil).walker
                let commits = try walker.commitsOldestFirst(from: try repository.resolveCommit("HEAD"))
                XCTAssertGreaterThan(commits.count, 36, "seed \(seed)")
                for number in numbers {
                    let label = "seed \(seed), packed \(packed), number \(number?.description ?? "none")"
                    let onThisThread = try walked(repository, commits, number: number, aside: false)
                    if number == nil { XCTAssertGreaterThan(onThisThread.count, 30, label) }
                    let aside = try walked(repository, commits, number: number, aside: true)
                    XCTAssertEqual(aside, onThisThread, label)
                    // The walk gathers a commit's files in the order the whole walk first met them,
                    // so its lists are compared with the one-commit reference as sets.
                    XCTAssertEqual(aside.mapValues { $0.map(Set.init) }, try reference(repository, commits, number: number).mapValues { $0.map(Set.init) }, label)
                }
            }
        }
    }
}
