import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inflates zlib streams of a known length: with libdeflate when its library is on the machine
/// (about twice zlib's speed on pack data: inflating was 30 % of a cold history with zlib), else
/// with zlib. Not for concurrent use (libdeflate's decompressor holds state).
///
/// libdeflate is loaded at run time (`dlopen` of `libdeflate.so.0`, Debian's `libdeflate0`), so that
/// neither building nor running ddi needs it. Both check the stream's Adler-32, so for a stream they
/// both accept the bytes are the same; whatever libdeflate refuses is tried again with zlib, so a
/// stream is refused only when zlib refuses it too.
final class Inflater {
    private typealias Allocate = @convention(c) () -> OpaquePointer?
    private typealias Free = @convention(c) (OpaquePointer?) -> Void
    private typealias Decompress = @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int, UnsafeMutableRawPointer?, Int, UnsafeMutablePointer<Int>?) -> Int32

    private struct LibDeflate {
        let allocate: Allocate
        let free: Free
        let decompress: Decompress
    }

    private static let libDeflate: LibDeflate? = {
        #if os(Linux)
        guard let handle = dlopen("libdeflate.so.0", RTLD_NOW | RTLD_LOCAL),
              let allocate = dlsym(handle, "libdeflate_alloc_decompressor"),
              let free = dlsym(handle, "libdeflate_free_decompressor"),
              let decompress = dlsym(handle, "libdeflate_zlib_decompress") else { return nil }
        return LibDeflate(allocate: unsafeBitCast(allocate, to: Allocate.self), free: unsafeBitCast(free, to: Free.self),
                          decompress: unsafeBitCast(decompress, to: Decompress.self))
        #else
        return nil
        #endif
    }()

    private let decompressor: OpaquePointer?
    private let library: LibDeflate?

    /// `useLibDeflate: false` inflates with zlib only (the tests compare the two).
    init(useLibDeflate: Bool = true) {
        library = useLibDeflate ? Self.libDeflate : nil
        decompressor = library?.allocate()
    }

    deinit { if let decompressor { library?.free(decompressor) } }

    /// True when libdeflate was found and is used.
    var usesLibDeflate: Bool { decompressor != nil }

    /// zlib data that inflates to exactly `size` bytes, nil when it does not.
    func inflate(_ compressed: [UInt8], size: Int) -> [UInt8]? {
        // Deflate cannot expand by more than about 1032:1; anything claiming more is damaged.
        guard size >= 0, size <= PackFile.largestEntry, size <= compressed.count * 1040 + 64 else { return nil }
        if let library, let decompressor {
            var complete = false
            let output = compressed.withUnsafeBytes { input in
                [UInt8](unsafeUninitializedCapacity: max(size, 1)) { out, count in
                    var produced = 0
                    let result = library.decompress(decompressor, input.baseAddress, input.count, out.baseAddress, size, &produced)
                    complete = result == 0 && produced == size
                    count = complete ? size : 0
                }
            }
            if complete { return output }
        }
        return Self.zlibInflate(compressed, size: size)
    }

    static func zlibInflate(_ compressed: [UInt8], size: Int) -> [UInt8]? {
        guard size >= 0, size <= PackFile.largestEntry, size <= compressed.count * 1040 + 64 else { return nil }
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var complete = false
        let output = compressed.withUnsafeBytes { input in
            [UInt8](unsafeUninitializedCapacity: max(size, 1)) { out, count in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(size)
                complete = CLibGit2.inflate(&stream, Z_FINISH) == Z_STREAM_END && Int(stream.total_out) == size
                count = complete ? size : 0
            }
        }
        return complete ? output : nil
    }
}
