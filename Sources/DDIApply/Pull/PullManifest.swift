import Crypto
import Foundation

/// `.ddi-pull.json` in a pulled snapshot directory: the files that pull wrote, with their sha256, so
/// that the next pull knows which files it may replace. Hidden, so the snapshot loader skips it.
/// A file is "pull's own" only while its bytes still match: a file edited by hand since is judged
/// by its content like any other file.
struct PullManifest: Codable, Equatable {
    static let fileName = ".ddi-pull.json"
    static let currentVersion = 1

    struct File: Codable, Equatable {
        var name: String
        var sha256: String
    }

    var version: Int
    var files: [File]

    init(files: [String: Data]) {
        version = Self.currentVersion
        self.files = files.keys.sorted().compactMap { name in files[name].map { File(name: name, sha256: Self.digest($0)) } }
    }

    /// The manifest in `directory`, or nil when there is none or it is not one pull wrote.
    static func read(directory: String) -> PullManifest? {
        guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(fileName)),
              let manifest = try? JSONDecoder().decode(PullManifest.self, from: data),
              manifest.version == currentVersion else { return nil }
        return manifest
    }

    func encoded() -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try? encoder.encode(self)
    }

    /// True when `name` is listed and `bytes` are still what pull wrote.
    func wrote(_ name: String, bytes: Data) -> Bool {
        files.contains { $0.name == name && $0.sha256 == Self.digest(bytes) }
    }

    static func digest(_ data: Data) -> String {
        "sha256:" + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
