/// Exports come from Windows: Windows PowerShell 5.1 writes UTF-16 LE with a BOM (`Out-File`, `>`),
/// PowerShell 7 and `Export-Csv -Encoding utf8` write UTF-8, sometimes with a BOM. Everything is
/// turned into UTF-8 bytes without a BOM before detection and parsing.
enum TextDecoding {
    static func utf8WithoutBOM(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), littleEndian: false) }
        return bytes
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
