/// One number description of a region (libphonenumber's `PhoneNumberDesc`): the possible lengths of
/// the national significant number and its pattern.
struct PhoneNumberDescription: Sendable {
    /// Bit n set when length n is possible; 0 means any length (no check).
    let lengths: UInt32
    /// nil: matches nothing (an empty or unusable pattern).
    let pattern: DigitPattern?

    /// libphonenumber's `_is_number_matching_desc`.
    func matches(_ nationalNumber: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = nationalNumber.count
        guard length < 32, let pattern else { return false }
        if lengths != 0, lengths & (1 << UInt32(length)) == 0 { return false }
        return pattern.matches(nationalNumber)
    }
}

/// The metadata of one region (or of one non-geographic calling code, region "001").
struct PhoneRegionMetadata: Sendable {
    let region: String
    let callingCode: Int
    /// libphonenumber's `leading_digits`: for a calling code shared by several regions, a number
    /// whose national number starts with this belongs to the region.
    let leadingDigits: DigitPattern?
    let general: PhoneNumberDescription
    /// The number types that make a number valid (fixed line, mobile unless identical to fixed line,
    /// toll free, premium rate, ...).
    let types: [PhoneNumberDescription]

    /// Whether libphonenumber's `_number_type_helper` gives a type other than UNKNOWN, i.e.
    /// `is_valid_number_for_region` once the calling code matches.
    func isValid(_ nationalNumber: UnsafeBufferPointer<UInt8>) -> Bool {
        guard general.matches(nationalNumber) else { return false }
        for type in types where type.matches(nationalNumber) { return true }
        return false
    }
}

/// libphonenumber's metadata, parsed from `PhoneMetadataData.regions` and compiled at first use.
struct PhoneMetadataStore: Sendable {
    /// Built once, thread-safely, on first access.
    static let shared = PhoneMetadataStore(text: PhoneMetadataData.regions)

    static let nonGeographicRegion = "001"

    let regions: [PhoneRegionMetadata]
    /// Calling code (1-999) -> indices into `regions`, the code's main region first.
    let regionsByCallingCode: [[Int]]
    /// Geographic region -> index into `regions`.
    let regionIndex: [String: Int]
    /// Lines of the data that could not be read (a generator bug; checked by the tests).
    let rejectedLines: [String]

    init(text: String) {
        var regions: [PhoneRegionMetadata] = []
        var byCode = [[Int]](repeating: [], count: 1000)
        var index: [String: Int] = [:]
        var rejected: [String] = []
        var cache: [Substring: DigitPattern] = [:]

        func compile(_ source: Substring) -> DigitPattern? {
            if let known = cache[source] { return known }
            guard let made = DigitPattern(String(source)) else { return nil }
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

        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4,
                  let code = Int(fields[1]), code > 0, code < 1000,
                  let general = description(fields[3])
            else {
                rejected.append(String(line))
                continue
            }
            var leading: DigitPattern?
            if fields[2] != "-" {
                guard let compiledLeading = compile(fields[2]) else {
                    rejected.append(String(line))
                    continue
                }
                leading = compiledLeading
            }
            var types: [PhoneNumberDescription] = []
            var usable = true
            for field in fields.dropFirst(4) {
                guard let type = description(field) else {
                    usable = false
                    break
                }
                types.append(type)
            }
            guard usable else {
                rejected.append(String(line))
                continue
            }
            let region = String(fields[0])
            byCode[code].append(regions.count)
            if region != Self.nonGeographicRegion { index[region] = regions.count }
            regions.append(PhoneRegionMetadata(
                region: region, callingCode: code, leadingDigits: leading, general: general, types: types))
        }
        self.regions = regions
        regionsByCallingCode = byCode
        regionIndex = index
        rejectedLines = rejected
    }
}
