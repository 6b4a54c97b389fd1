import DDIKit
import DDITestSupport
import XCTest
@testable import DDIGit

/// The window shortcut must give exactly what comparing whole files gives.
final class ChangeWindowTests: XCTestCase {
    let zero = GitOID(rawBytes: [])

    func viaWindow(_ old: String, _ new: String) -> [EntryChange] {
        let a = BlobText(oid: zero, bytes: Array(old.utf8)), b = BlobText(oid: zero, bytes: Array(new.utf8))
        switch ChangeWindow.find(old: a, new: b) {
        case .identical, .outsideNumbers: return []
        case .whole: return viaWholeFiles(old, new)
        case .window(let oldRange, let newRange):
            return EntryChanges.compute(old: ChangeWalker.parseWindow(a.bytes, oldRange, path: "f.yaml"), new: ChangeWalker.parseWindow(b.bytes, newRange, path: "f.yaml"))
        }
    }

    func viaWholeFiles(_ old: String, _ new: String) -> [EntryChange] {
        EntryChanges.compute(old: DeclaredEntries.parse(Array(old.utf8), path: "f.yaml") ?? [], new: DeclaredEntries.parse(Array(new.utf8), path: "f.yaml") ?? [])
    }

    func describe(_ changes: [EntryChange]) -> [String] {
        changes.map { "\($0.key) \(String(describing: $0.before?.fields.map(\.value))) \(String(describing: $0.after?.fields.map(\.value)))" }.sorted()
    }

    func window(_ old: String, _ new: String) -> ChangeWindow {
        ChangeWindow.find(old: BlobText(oid: zero, bytes: Array(old.utf8)), new: BlobText(oid: zero, bytes: Array(new.utf8)))
    }

    func testAFieldEditParsesOnlyItsItem() {
        let old = Sample.ranges + Sample.file(Sample.assigned("+4533121042", to: "a@c.com"), Sample.assigned("+4533121043", to: "b@c.com"), Sample.assigned("+4533121044", to: "c@c.com"))
        let new = old.replacingOccurrences(of: "assigned_to: b@c.com", with: "assigned_to: x@c.com")
        guard case .window(let range, _) = window(old, new) else { return XCTFail("expected a window") }
        let text = String(decoding: Array(old.utf8)[range], as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("  - number: \"+4533121043\""), text)
        XCTAssertFalse(text.contains("+4533121044"), text)
        XCTAssertEqual(describe(viaWindow(old, new)), describe(viaWholeFiles(old, new)))
    }

    func testChangesOutsideNumbersAndUnsafeTextAreRecognised() {
        let old = Sample.ranges + Sample.file(Sample.assigned("+4533121042", to: "a@c.com"))
        XCTAssertEqual(window(old, old.replacingOccurrences(of: "country: DK", with: "country: SE")), .outsideNumbers)
        XCTAssertEqual(window(old, old + "routing: []\n"), .whole)
        XCTAssertEqual(window(old, old.replacingOccurrences(of: "owner: a@c.com", with: "owner: &o a@c.com")), .whole)
        XCTAssertEqual(window(old, old), .identical)
        guard case .window = window(old, old.replacingOccurrences(of: "owner: a@c.com", with: "owner: R&D-team*x")) else { return XCTFail("R&D is plain text") }
    }

    func testRandomEditsAgreeWithWholeFiles() {
        var generator = SeededGenerator(defaultSeed: 20261127)
        let replay = generator.replay
        print("testRandomEditsAgreeWithWholeFiles: \(replay) reproduces this run")
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }
        let values = ["status: quarantine\n    since: 2026-01-01", "department: R&D", "owner: &a x\n    note: *a", "owner: x@c.com", "reviewed: 2026-03-03", "note: \"a: b\"", "tags: [a, b]", "# a comment", ""]
        for round in 0..<400 {
            var items = (0..<8).map { index -> String in
                index == 5 ? Sample.reservedBlock("+453312110\(index)..+453312111\(index)") : Sample.assigned("+45331210\(40 + index)", to: "u\(index)@c.com")
            }
            let old = "# head\n" + Sample.ranges + "numbers:\n" + items.joined() + "routing: []\n"
            for _ in 0...next(3) {
                let target = next(items.count)
                switch next(6) {
                case 0: items.remove(at: target)
                case 1: items.insert(Sample.assigned("+45331209\(10 + next(80))", to: "n@c.com"), at: target)
                case 2: items[target] = items[target].replacingOccurrences(of: "status: assigned", with: values[next(values.count)])
                case 3: items[target] = items[target] + "  # comment \(round)\n"
                case 4: items.swapAt(target, next(items.count))
                default: items[target] = items[target].replacingOccurrences(of: "kind: user", with: "kind: vip")
                }
            }
            let new = "# head\n" + Sample.ranges + "numbers:\n" + items.joined() + "routing: []\n"
            XCTAssertEqual(describe(viaWindow(old, new)), describe(viaWholeFiles(old, new)), "\(replay), round \(round)\n--- old\n\(old)\n--- new\n\(new)")
        }
    }
}
