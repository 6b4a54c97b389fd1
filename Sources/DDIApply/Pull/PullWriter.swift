import DDIKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps a pulled snapshot in: the files (and `.ddi-pull.json`) go into a staging directory beside
/// the destination, which is then renamed over it, so a crash leaves the old snapshot or the new
/// one, never a mix. Of the old directory only the files `PullDestination` judged replaceable are
/// deleted; anything that appeared there since stays, in the renamed-away directory, and is reported.
enum PullWriter {
    /// Writes `files` to `destination` (judged moments ago); returns a leftover directory, if any.
    static func replace(_ destination: PullDestination, files: [String: Data]) throws(ApplyRefusal) -> String? {
        let shown = TextEscaping.terminal(destination.given)
        let parent = PhysicalPath.parent(of: destination.path)
        let name = (destination.path as NSString).lastPathComponent
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let staging = PhysicalPath.join(parent, ".\(name).pull-\(suffix)")
        let old = PhysicalPath.join(parent, ".\(name).old-\(suffix)")
        guard let manifest = PullManifest(files: files).encoded() else { throw ApplyRefusal("cannot encode \(PullManifest.fileName)") }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw ApplyRefusal("cannot write the snapshot to \(shown): \(error.localizedDescription)")
        }
        do throws(ApplyRefusal) {
            var all = files
            all[PullManifest.fileName] = manifest
            for keptName in destination.kept {
                all[keptName] = FileManager.default.contents(atPath: PhysicalPath.join(destination.path, keptName)) ?? Data()
            }
            for (fileName, data) in all.sorted(by: { $0.key < $1.key }) {
                try writeDurably(data, to: PhysicalPath.join(staging, fileName))
            }
            syncDirectory(staging)
            if destination.exists {
                guard rename(destination.path, old) == 0 else { throw ApplyRefusal("cannot move \(shown) aside: \(String(cString: strerror(errno)))") }
                guard rename(staging, destination.path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    _ = rename(old, destination.path)
                    throw ApplyRefusal("cannot put the new snapshot in place of \(shown): \(reason)")
                }
            } else {
                guard rename(staging, destination.path) == 0 else { throw ApplyRefusal("cannot create \(shown): \(String(cString: strerror(errno)))") }
            }
            syncDirectory(parent)
        } catch {
            removeStaging(staging)
            throw error
        }
        guard destination.exists else { return nil }
        for fileName in destination.replaced + destination.kept { unlink(PhysicalPath.join(old, fileName)) }
        return rmdir(old) == 0 ? nil : old
    }

    private static func writeDurably(_ data: Data, to path: String) throws(ApplyRefusal) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ApplyRefusal("cannot create \(TextEscaping.terminal(path)): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if failure != 0 { throw ApplyRefusal("cannot write \(TextEscaping.terminal(path)): \(String(cString: strerror(failure)))") }
    }

    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The staging directory holds only files this run created: remove them one by one, then it.
    private static func removeStaging(_ staging: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? [] {
            unlink(PhysicalPath.join(staging, name))
        }
        rmdir(staging)
    }
}
