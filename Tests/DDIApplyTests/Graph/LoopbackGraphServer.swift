import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `Tests/GraphTestServer/graph_test_server.py` on 127.0.0.1 with an empty tenant, for testing the
/// real URLSession transport (the CLI tests in ddiTests start it with a full tenant).
final class LoopbackGraphServer {
    let process = Process()
    let port: Int
    let directory: URL

    var base: String { "http://127.0.0.1:\(port)" }

    init() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("python3 is needed for the Graph test server")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-loopback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tenant = directory.appendingPathComponent("tenant.json")
        try Data(#"{"tenant_id":"t","client_id":"c","client_secret":"s","numbers":[],"users":[]}"#.utf8).write(to: tenant)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GraphTestServer/graph_test_server.py")
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, tenant.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while line.count < 100 {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let value = Int(text.dropFirst(5)) else {
            process.terminate()
            throw XCTSkip("the Graph test server did not start: \(text)")
        }
        port = value
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Adds faults (see the script's docstring).
    func faults(_ faults: [[String: Any]]) throws {
        _ = try control("faults", body: faults)
    }

    /// Every request the server saw, with its Authorization header.
    func log() throws -> [[String: Any]] { (try control("log") as? [[String: Any]]) ?? [] }

    func control(_ path: String, body: Any? = nil) throws -> Any {
        guard let url = URL(string: base + "/_control/" + path) else { return [] }
        var request = URLRequest(url: url)
        if let body {
            request.httpMethod = "POST"
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        final class Box: @unchecked Sendable { var data: Data? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, _ in box.data = data; done.signal() }.resume()
        _ = done.wait(timeout: .now() + 30)
        return try JSONSerialization.jsonObject(with: box.data ?? Data("null".utf8), options: [.fragmentsAllowed])
    }
}
