import Foundation
import XCTest
@testable import DDIKit

/// Reads one document with both readers (`BlockYAMLScanner` and libyaml) and compares everything
/// that comes out: the event streams, the YAML trees, and the decoded inventory file with its
/// diagnostics.
enum ReaderComparison {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Each example inventory as written, then 24 damaged copies of it (one file of each copy changed
    /// by `YAMLMutator`), labelled by example, file and mutation.
    static func damagedExamples(seed: UInt64) throws -> [(label: String, config: InventorySourceFile, files: [InventorySourceFile])] {
        var copies: [(String, InventorySourceFile, [InventorySourceFile])] = []
        var mutator = YAMLMutator(seed: seed)
        for name in ["contoso", "fabrikam", "northwind", "tailspin", "broken"] {
            let sources = try InventoryLoader.collectSources(root: repositoryRoot.appendingPathComponent("examples/\(name)").path).0
            for index in 0..<25 {
                var files = sources.files
                var label = name
                if index > 0, !files.isEmpty {
                    let target = index % files.count
                    let mutation = mutator.mutate(files[target].bytes, kind: index)
                    files[target].bytes = mutation.bytes
                    label += " \(files[target].path) \(mutation.name)"
                }
                copies.append((label, sources.config, files))
            }
        }
        return copies
    }

    /// `count` damaged copies of `originals`, taken in turn, each changed once by `YAMLMutator`,
    /// labelled by file and mutation.
    static func damagedCopies(of originals: [(path: String, bytes: [UInt8])], count: Int, seed: UInt64) throws -> [(path: String, bytes: [UInt8], label: String)] {
        guard !originals.isEmpty else { throw CocoaError(.fileNoSuchFile) }
        var mutator = YAMLMutator(seed: seed)
        return (0..<count).map { index in
            let original = originals[index % originals.count]
            let mutation = mutator.mutate(original.bytes, kind: index)
            return (original.path, mutation.bytes, "\(original.path) \(mutation.name)")
        }
    }

    /// Every event up to the end of the stream, or libyaml's complaint.
    static func eventStream(_ bytes: [UInt8], file: String, reader: YAMLReaderChoice) -> Result<[YAMLEvent], YAMLSyntaxError> {
        let events = YAMLEventReader(bytes: bytes, file: file, reader: reader)
        var stream: [YAMLEvent] = []
        do {
            while true {
                let event = try events.next()
                stream.append(event)
                if case .streamEnd = event { return .success(stream) }
            }
        } catch let error as YAMLSyntaxError {
            return .failure(error)
        } catch {
            return .failure(YAMLSyntaxError(message: "\(error)", location: SourceLocation(file: file, line: 0, column: 0)))
        }
    }

    /// An inventory file and its diagnostics as text, every field included.
    static func decoded(_ bytes: [UInt8], path: String, reader: YAMLReaderChoice) -> String {
        var decoder = InventoryFileDecoder()
        let file = decoder.decode(bytes: bytes, path: path, reader: reader)
        var text = ""
        dump(file, to: &text)
        dump(decoder.reader.diagnostics, to: &text)
        return text
    }

    /// Compares both readers on `bytes`; returns true when the fast scanner read it (and so was compared).
    @discardableResult
    static func assertSameReading(_ bytes: [UInt8], path: String, _ name: String,
                                  file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let fast = BlockYAMLScanner.events(bytes, file: path)
        let libyaml = eventStream(bytes, file: path, reader: .libyamlOnly)
        guard let fast else { return false }
        guard case .success(let expected) = libyaml else {
            XCTFail("\(name): the fast scanner read what libyaml refuses: \(libyaml)", file: file, line: line)
            return true
        }
        if fast != expected {
            let first = zip(fast, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(fast.count, expected.count)
            XCTFail("\(name): event \(first) differs: fast \(fast.dropFirst(first).prefix(2)) libyaml \(expected.dropFirst(first).prefix(2)) (counts \(fast.count), \(expected.count))",
                    file: file, line: line)
        }
        XCTAssertEqual(YAMLParser.parse(bytes, file: path, reader: .fastWhenPossible), YAMLParser.parse(bytes, file: path, reader: .libyamlOnly),
                       "\(name): trees differ", file: file, line: line)
        let fastModel = decoded(bytes, path: path, reader: .fastWhenPossible)
        let libyamlModel = decoded(bytes, path: path, reader: .libyamlOnly)
        if fastModel != libyamlModel {
            XCTFail("\(name): decoded files differ:\n\(fastModel.prefix(3_000))\n---\n\(libyamlModel.prefix(3_000))", file: file, line: line)
        }
        return true
    }

    /// The `*.yaml` files below a directory of the repository, as (relative path, bytes).
    static func yamlFiles(under relative: String) throws -> [(path: String, bytes: [UInt8])] {
        let root = repositoryRoot.appendingPathComponent(relative)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var found: [(String, [UInt8])] = []
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { continue }
            found.append((relative + "/" + path, [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}
