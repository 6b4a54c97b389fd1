import CLibGit2

/// A file's content at one revision.
public final class GitBlob {
    let pointer: OpaquePointer
    /// Keeps the repository alive while the object is used: libgit2 frees its objects with it.
    let repository: GitRepository

    init(pointer: OpaquePointer, repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_blob_free(pointer) }

    public var size: Int { Int(git_blob_rawsize(pointer)) }

    /// A copy of the content.
    public var bytes: [UInt8] {
        let count = size
        guard count > 0, let raw = git_blob_rawcontent(pointer) else { return [] }
        return Array(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: count))
    }
}
