import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import DDITestSupport
import XCTest

/// Starts `Tests/GraphTestServer/graph_test_server.py` on 127.0.0.1 (port chosen by the OS) with an
/// in-memory tenant, and stops it again. Tests talk to it through the real `ddi` binary.
final class GraphTestServer {
    static let tenantID = "11111111-2222-3333-4444-555555555555"
    static let clientID = "ddi-test-client"
    /// Characters that percent-encoding changes, to check that no encoded form leaks either.
    static let clientSecret = "s3cr3t~Value+/=x!ZZ"

    let process = Process()
    let port: Int
    let directory: URL

    var baseURL: String { "http://127.0.0.1:\(port)" }

    var environment: [String: String] {
        ["DDI_GRAPH_BASE_URL": baseURL + "/v1.0", "DDI_LOGIN_BASE_URL": baseURL,
         "DDI_GRAPH_TENANT_ID": Self.tenantID, "DDI_GRAPH_CLIENT_ID": Self.clientID, "DDI_GRAPH_CLIENT_SECRET": Self.clientSecret]
    }

    init(tenant: [String: Any]) throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            ?? Self.which("python3") else {
            throw Prerequisite.missing("python3 is needed for the Graph test server")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var full = tenant
        full["tenant_id"] = Self.tenantID
        full["client_id"] = Self.clientID
        full["client_secret"] = Self.clientSecret
        let tenantFile = directory.appendingPathComponent("tenant.json")
        try JSONSerialization.data(withJSONObject: full).write(to: tenantFile)
        let script = CLIRunner.repositoryRoot.appendingPathComponent("Tests/GraphTestServer/graph_test_server.py")
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, tenantFile.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is "PORT n"; bounded by the pipe closing if the server dies.
        var line = Data()
        while true {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
            if line.count > 100 { break }
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let value = Int(text.dropFirst(5)) else {
            process.terminate()
            // python3 is there, so a server that does not start is a bug to see, never a skip.
            throw Prerequisite.Missing(description: "the Graph test server did not start: \(text)")
        }
        port = value
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    func control(_ path: String, body: Any? = nil) throws -> Any {
        var request = URLRequest(url: URL(string: baseURL + "/_control/" + path)!)
        if let body {
            request.httpMethod = "POST"
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        return try Self.fetch(request)
    }

    /// A blocking GET/POST for the control endpoints (test code only).
    static func fetch(_ request: URLRequest) throws -> Any {
        final class Box: @unchecked Sendable { var data: Data? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, _ in box.data = data; done.signal() }.resume()
        _ = done.wait(timeout: .now() + 30)
        return try JSONSerialization.jsonObject(with: box.data ?? Data("null".utf8), options: [.fragmentsAllowed])
    }

    /// Every logged Graph call (method, path, query, body).
    func log() throws -> [[String: Any]] { (try control("log") as? [[String: Any]]) ?? [] }

    func numbers() throws -> [[String: Any]] { ((try control("tenant") as? [String: Any])?["numbers"] as? [[String: Any]]) ?? [] }
}
