#if canImport(Glibc)
import Glibc
#endif

/// Gives memory that is free but still held by the allocator back to the system. Reading the
/// snapshot on its own thread leaves that thread's malloc arena full of freed parsing garbage
/// (records, strings) that the main thread, which goes on to validate and plan, never reuses: on
/// the reference tenant it stayed in the process's peak memory until exit.
enum ReleaseFreeMemory {
    #if canImport(Glibc)
    /// glibc's `malloc_trim` (<malloc.h>, which the Glibc module does not export), looked up once.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif

    static func now() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
