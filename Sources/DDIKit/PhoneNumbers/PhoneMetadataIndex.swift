import Synchronization

/// libphonenumber's metadata, compiled one calling code at a time, when a number of that code is
/// first checked. Compiling all of it took about a quarter of the CPU time of `ddi validate` on a
/// small inventory (README "Performance"); an inventory's numbers use a handful of codes.
///
/// Built at first use from the first two fields of each line only (region and calling code); each
/// code's lines become a `PhoneMetadataStore` of their own, in the data's order, so a code's regions
/// and verdicts are those of the whole store (`PhoneMetadataIndexTests` compares every code).
final class PhoneMetadataIndex: @unchecked Sendable {
    static let shared = PhoneMetadataIndex(text: PhoneMetadataData.regions)

    /// Geographic region -> its calling code.
    let callingCodeOfRegion: [String: Int]
    /// The data as bytes, and per calling code (0-999) the byte ranges of its lines, main region
    /// first; none when the code is unassigned.
    private let data: [UInt8]
    private let lines: [[Range<Int>]]
    /// Per calling code, its compiled store once built: set once (atomically), then only read; the
    /// reason this class is `@unchecked Sendable`.
    private let stores: UnsafeMutablePointer<AtomicLazyReference<CompiledCallingCode>>

    final class CompiledCallingCode: Sendable {
        let store: PhoneMetadataStore
        init(_ store: PhoneMetadataStore) { self.store = store }
    }

    static let callingCodes = 1000

    /// Reads only each line's region and calling code, as bytes: splitting the text as characters
    /// took as long as the rest of a small inventory's validation.
    init(text: String) {
        let data = Array(text.utf8)
        var lines = [[Range<Int>]](repeating: [], count: Self.callingCodes)
        var callingCodeOfRegion: [String: Int] = [:]
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        var start = 0
        while start < data.count {
            var end = start
            while end < data.count, data[end] != newline { end += 1 }
            defer { start = end + 1 }
            // region TAB calling code TAB ...: a name, then one to three digits.
            guard let nameEnd = data[start..<end].firstIndex(of: tab), nameEnd > start,
                  let codeEnd = data[(nameEnd + 1)..<end].firstIndex(of: tab),
                  (1...3).contains(codeEnd - nameEnd - 1) else { continue }
            var callingCode = 0
            for byte in data[(nameEnd + 1)..<codeEnd] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    callingCode = 0
                    break
                }
                callingCode = callingCode * 10 + Int(byte - UInt8(ascii: "0"))
            }
            guard callingCode > 0 else { continue }
            lines[callingCode].append(start..<end)
            let name = String(decoding: data[start..<nameEnd], as: UTF8.self)
            if name != PhoneMetadataStore.nonGeographicRegion { callingCodeOfRegion[name] = callingCode }
        }
        self.data = data
        self.lines = lines
        self.callingCodeOfRegion = callingCodeOfRegion
        stores = .allocate(capacity: Self.callingCodes)
        for index in 0..<Self.callingCodes { (stores + index).initialize(to: AtomicLazyReference()) }
    }

    deinit {
        stores.deinitialize(count: Self.callingCodes)
        stores.deallocate()
    }

    /// Whether the data has regions for `callingCode`.
    func isAssigned(_ callingCode: Int) -> Bool {
        callingCode >= 0 && callingCode < Self.callingCodes && !lines[callingCode].isEmpty
    }

    /// The compiled metadata of `callingCode`'s regions, compiled now if it is the first request
    /// (two threads may both compile it; one result is kept, and both are the same).
    func store(ofCallingCode callingCode: Int) -> PhoneMetadataStore? {
        guard isAssigned(callingCode) else { return nil }
        let slot = stores + callingCode
        if let compiled = slot.pointee.load() { return compiled.store }
        let text = lines[callingCode].map { String(decoding: data[$0], as: UTF8.self) }.joined(separator: "\n")
        let made = CompiledCallingCode(PhoneMetadataStore(text: text))
        return slot.pointee.storeIfNil(made).store
    }
}
