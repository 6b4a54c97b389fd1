/// git's delta format: the base's size and the result's size (little-endian base-128), then
/// instructions that either copy a range of the base or insert the bytes that follow them.
///
/// Every instruction is checked before its bytes are copied, so a damaged delta never reads outside
/// the base or the delta nor writes outside the result; the result (at most `PackFile.largestEntry`
/// bytes, uninitialised until written) is kept only when the instructions fill it exactly.
enum PackDelta {
    /// The result of applying `delta` to `base`, nil when the delta is damaged or meant for a base of
    /// another size.
    static func apply(_ delta: [UInt8], to base: [UInt8]) -> [UInt8]? {
        delta.withUnsafeBufferPointer { d in
            base.withUnsafeBufferPointer { b in apply(d, to: b) }
        }
    }

    private static func varint(_ d: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> Int? {
        var value = 0
        var shift = 0
        while cursor < d.count {
            let byte = d[cursor]
            cursor += 1
            guard shift <= 56 else { return nil }
            value |= Int(byte & 0x7f) << shift
            shift += 7
            if byte & 0x80 == 0 { return value }
        }
        return nil
    }

    private static func apply(_ d: UnsafeBufferPointer<UInt8>, to b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var cursor = 0
        guard let baseSize = varint(d, &cursor), baseSize == b.count,
              let resultSize = varint(d, &cursor), resultSize <= PackFile.largestEntry else { return nil }
        if resultSize == 0 { return cursor == d.count ? [] : nil }
        guard let delta = d.baseAddress else { return nil }
        let base = UnsafeRawPointer(b.baseAddress)
        let end = d.count
        var complete = false
        // One pass: each instruction is checked (within the base, the delta and the result) before
        // its bytes are copied; the result is kept only when they fill it exactly.
        let result = [UInt8](unsafeUninitializedCapacity: resultSize) { out, count in
            count = 0
            guard let output = out.baseAddress else { return }
            var at = 0
            while cursor < end {
                let op = delta[cursor]
                cursor += 1
                if op & 0x80 != 0 {
                    var offset = 0
                    var length = 0
                    if op & 0x01 != 0 { guard cursor < end else { return }; offset = Int(delta[cursor]); cursor += 1 }
                    if op & 0x02 != 0 { guard cursor < end else { return }; offset |= Int(delta[cursor]) << 8; cursor += 1 }
                    if op & 0x04 != 0 { guard cursor < end else { return }; offset |= Int(delta[cursor]) << 16; cursor += 1 }
                    if op & 0x08 != 0 { guard cursor < end else { return }; offset |= Int(delta[cursor]) << 24; cursor += 1 }
                    if op & 0x10 != 0 { guard cursor < end else { return }; length = Int(delta[cursor]); cursor += 1 }
                    if op & 0x20 != 0 { guard cursor < end else { return }; length |= Int(delta[cursor]) << 8; cursor += 1 }
                    if op & 0x40 != 0 { guard cursor < end else { return }; length |= Int(delta[cursor]) << 16; cursor += 1 }
                    if length == 0 { length = 0x10000 }
                    guard let base, offset <= baseSize - length, length <= resultSize - at else { return }
                    UnsafeMutableRawPointer(output + at).copyMemory(from: base + offset, byteCount: length)
                    at += length
                } else if op != 0 {
                    let length = Int(op)
                    guard length <= end - cursor, length <= resultSize - at else { return }
                    UnsafeMutableRawPointer(output + at).copyMemory(from: delta + cursor, byteCount: length)
                    cursor += length
                    at += length
                } else {
                    return
                }
            }
            complete = at == resultSize
            count = complete ? resultSize : 0
        }
        return complete ? result : nil
    }
}
