/// One number description of a region (libphonenumber's `PhoneNumberDesc`): the possible lengths of
/// the national significant number and its pattern.
struct PhoneNumberDescription: Sendable {
    /// Bit n set when length n is possible; 0 means any length (no check).
    let lengths: UInt32
    /// nil: matches nothing (an empty pattern).
    let pattern: DigitProgram?

    /// libphonenumber's `_is_number_matching_desc`.
    func matches(_ nationalNumber: UnsafeBufferPointer<UInt8>, code: UnsafeBufferPointer<DigitInstruction>) -> Bool {
        let length = nationalNumber.count
        guard length < 32, let pattern else { return false }
        if lengths != 0, lengths & (1 << UInt32(length)) == 0 { return false }
        return pattern.matches(nationalNumber, code: code)
    }
}

/// The metadata of one region (or of one non-geographic calling code, region "001"). Plain values
/// only: its patterns and number types live in `PhoneMetadataStore`'s shared arrays.
struct PhoneRegionMetadata: Sendable {
    let callingCode: Int32
    /// libphonenumber's `leading_digits`: for a calling code shared by several regions, a number
    /// whose national number starts with this belongs to the region.
    let leadingDigits: DigitProgram?
    let general: PhoneNumberDescription
    /// The number types that make a number valid (fixed line, mobile unless identical to fixed line,
    /// toll free, premium rate, ...): `PhoneMetadataStore.types[typesStart..<typesEnd]`.
    let typesStart: Int32
    let typesEnd: Int32
}

/// libphonenumber's metadata, parsed from `PhoneMetadataData.regions` and compiled at first use.
struct PhoneMetadataStore: Sendable {
    /// All of the data at once (about 10 ms to build): the validator compiles one calling code at a
    /// time (`PhoneMetadataIndex`), and the tests compare each code with this.
    static let shared = PhoneMetadataStore(text: PhoneMetadataData.regions)

    static let nonGeographicRegion = "001"

    /// Ordered by calling code, each code's main region first (libphonenumber's order).
    let regions: [PhoneRegionMetadata]
    /// The region codes of `regions`, same order.
    let regionNames: [String]
    let types: [PhoneNumberDescription]
    /// The instructions of every pattern.
    let code: [DigitInstruction]
    /// Calling code (0-999) -> `regions[start..<start + count]`, packed as `start << 8 | count`.
    let callingCodeRegions: [UInt32]
    /// Geographic region -> index into `regions`.
    let regionIndex: [String: Int]
    /// Lines of the data that could not be read (a generator bug; checked by the tests).
    let rejectedLines: [String]

    init(text: String) {
        var code: [DigitInstruction] = []
        var types: [PhoneNumberDescription] = []
        var rejected: [String] = []
        var cache: [Substring: DigitProgram] = [:]

        func compile(_ source: Substring) -> DigitProgram? {
            if let known = cache[source] { return known }
            guard let made = DigitPattern.compile(String(source), into: &code) else { return nil }
            cache[source] = made
            return made
        }

        /// "lengths:pattern"; nil when unreadable. An empty pattern matches nothing.
        func description(_ field: Substring) -> PhoneNumberDescription? {
            guard let colon = field.firstIndex(of: ":") else { return nil }
            var lengths: UInt32 = 0
            for item in field[..<colon].split(separator: ",") {
                guard let length = Int(item), length >= 0, length < 32 else { return nil }
                lengths |= 1 << UInt32(length)
            }
            let source = field[field.index(after: colon)...]
            if source.isEmpty { return PhoneNumberDescription(lengths: lengths, pattern: nil) }
            guard let compiled = compile(source) else { return nil }
            return PhoneNumberDescription(lengths: lengths, pattern: compiled)
        }

        var parsed: [(name: String, metadata: PhoneRegionMetadata)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4, !fields[0].isEmpty,
                  let callingCode = Int32(fields[1]), callingCode > 0, callingCode < 1000,
                  let general = description(fields[3])
            else {
                rejected.append(String(line))
                continue
            }
            var leadingDigits: DigitProgram?
            if fields[2] != "-" {
                guard let compiled = compile(fields[2]) else {
                    rejected.append(String(line))
                    continue
                }
                leadingDigits = compiled
            }
            let typesStart = types.count
            var usable = true
            for field in fields.dropFirst(4) {
                guard let type = description(field) else {
                    usable = false
                    break
                }
                types.append(type)
            }
            guard usable else {
                types.removeSubrange(typesStart...)
                rejected.append(String(line))
                continue
            }
            parsed.append((String(fields[0]), PhoneRegionMetadata(
                callingCode: callingCode, leadingDigits: leadingDigits, general: general,
                typesStart: Int32(typesStart), typesEnd: Int32(types.count))))
        }

        // Group by calling code, keeping the data's order within a code (main region first).
        let ordered = parsed.enumerated()
            .sorted { ($0.element.metadata.callingCode, $0.offset) < ($1.element.metadata.callingCode, $1.offset) }
            .map(\.element)
        var callingCodeRegions = [UInt32](repeating: 0, count: 1000)
        var regionIndex: [String: Int] = [:]
        for (index, entry) in ordered.enumerated() {
            let callingCode = Int(entry.metadata.callingCode)
            if callingCodeRegions[callingCode] == 0 {
                callingCodeRegions[callingCode] = UInt32(index) << 8
            }
            if callingCodeRegions[callingCode] & 0xFF < 0xFF { callingCodeRegions[callingCode] += 1 }
            if entry.name != Self.nonGeographicRegion { regionIndex[entry.name] = index }
        }
        regions = ordered.map(\.metadata)
        regionNames = ordered.map(\.name)
        self.types = types
        self.code = code
        self.callingCodeRegions = callingCodeRegions
        self.regionIndex = regionIndex
        rejectedLines = rejected
    }

    /// Calls `body` with borrowed views of the metadata (no reference counting while matching).
    func withView<Result>(_ body: (PhoneMetadataView) -> Result) -> Result {
        code.withUnsafeBufferPointer { code in
            types.withUnsafeBufferPointer { types in
                regions.withUnsafeBufferPointer { regions in
                    regionNames.withUnsafeBufferPointer { regionNames in
                        callingCodeRegions.withUnsafeBufferPointer { callingCodeRegions in
                            body(PhoneMetadataView(
                                code: code, types: types, regions: regions, regionNames: regionNames,
                                callingCodeRegions: callingCodeRegions))
                        }
                    }
                }
            }
        }
    }
}

/// Borrowed views of `PhoneMetadataStore`'s arrays, valid inside `withView` only.
struct PhoneMetadataView {
    let code: UnsafeBufferPointer<DigitInstruction>
    let types: UnsafeBufferPointer<PhoneNumberDescription>
    let regions: UnsafeBufferPointer<PhoneRegionMetadata>
    let regionNames: UnsafeBufferPointer<String>
    let callingCodeRegions: UnsafeBufferPointer<UInt32>

    /// Indices into `regions` of the regions of `callingCode` (empty when unassigned).
    func regions(ofCallingCode callingCode: Int) -> Range<Int> {
        guard callingCode >= 0, callingCode < callingCodeRegions.count else { return 0..<0 }
        let packed = callingCodeRegions[callingCode]
        let start = Int(packed >> 8)
        return start..<(start + Int(packed & 0xFF))
    }

    /// Whether libphonenumber's `_number_type_helper` gives a type other than UNKNOWN for the
    /// region, i.e. `is_valid_number_for_region` once the calling code matches.
    func isValid(_ nationalNumber: UnsafeBufferPointer<UInt8>, region index: Int) -> Bool {
        let region = regions[index]
        guard region.general.matches(nationalNumber, code: code) else { return false }
        for type in Int(region.typesStart)..<Int(region.typesEnd)
        where types[type].matches(nationalNumber, code: code) {
            return true
        }
        return false
    }

    /// Whether the region's `leading_digits` prefix-match the national number; nil when it has none.
    func leadingDigitsMatch(_ nationalNumber: UnsafeBufferPointer<UInt8>, region index: Int) -> Bool? {
        guard let leadingDigits = regions[index].leadingDigits else { return nil }
        return leadingDigits.matchesPrefix(nationalNumber, code: code)
    }
}
