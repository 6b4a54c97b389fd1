import CLibGit2

/// A git object id (SHA-1), as a value.
public struct GitOID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let bytes: (UInt64, UInt64, UInt32)

    init(_ raw: git_oid) {
        var raw = raw
        bytes = withUnsafeBytes(of: &raw.id) { buffer in
            (buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             buffer.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    /// From 20 raw bytes (missing bytes read as zero).
    public init(rawBytes: [UInt8]) {
        var raw = git_oid()
        withUnsafeMutableBytes(of: &raw.id) { buffer in
            for index in 0..<min(20, rawBytes.count) { buffer[index] = rawBytes[index] }
        }
        self.init(raw)
    }

    /// Parses 40 hexadecimal digits.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }) else { return nil }
        var raw = git_oid()
        guard git_oid_fromstrn(&raw, hex, 40) == 0 else { return nil }
        self.init(raw)
    }

    /// The id git gives a blob of these bytes (`git hash-object`: SHA-1 of `blob LENGTH\0BYTES`);
    /// nil only when libgit2 fails to hash.
    public static func blob(hashing bytes: [UInt8]) -> GitOID? {
        LibGit2.ensureInitialised()
        var raw = git_oid()
        let code = bytes.withUnsafeBytes { buffer in git_odb_hash(&raw, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB) }
        return code == 0 ? GitOID(raw) : nil
    }

    var raw: git_oid {
        var raw = git_oid()
        withUnsafeMutableBytes(of: &raw.id) { buffer in
            buffer.storeBytes(of: bytes.0, toByteOffset: 0, as: UInt64.self)
            buffer.storeBytes(of: bytes.1, toByteOffset: 8, as: UInt64.self)
            buffer.storeBytes(of: bytes.2, toByteOffset: 16, as: UInt32.self)
        }
        return raw
    }

    public var rawBytes: [UInt8] {
        var raw = raw
        return withUnsafeBytes(of: &raw.id) { Array($0) }
    }

    public var isZero: Bool { bytes.0 == 0 && bytes.1 == 0 && bytes.2 == 0 }

    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(40)
        for byte in rawBytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The first `length` hex digits.
    public func short(_ length: Int = 10) -> String { String(hex.prefix(length)) }

    public var description: String { hex }

    public static func == (lhs: GitOID, rhs: GitOID) -> Bool { lhs.bytes == rhs.bytes }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.0)
        hasher.combine(bytes.1)
        hasher.combine(bytes.2)
    }

    public static func < (lhs: GitOID, rhs: GitOID) -> Bool { lhs.rawBytes.lexicographicallyPrecedes(rhs.rawBytes) }
}
