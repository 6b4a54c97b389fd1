import CLibGit2
import DDIKit

/// Who and when: an author or committer, with the time zone offset they wrote in.
public struct GitSignature: Hashable, Sendable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// Minutes east of UTC.
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ pointer: UnsafePointer<git_signature>?) {
        guard let signature = pointer?.pointee else {
            self.init(name: "", email: "", time: 0, offsetMinutes: 0)
            return
        }
        self.init(
            name: signature.name.map { String(cString: $0) } ?? "",
            email: signature.email.map { String(cString: $0) } ?? "",
            time: Int64(signature.when.time),
            offsetMinutes: Int(signature.when.offset)
        )
    }

    /// The calendar day in the signer's own time zone.
    public var day: String { isoDate.prefix(10).description }

    /// `2026-03-14T09:30:00+01:00`, in the signer's own time zone.
    public var isoDate: String {
        let local = time + Int64(offsetMinutes) * 60
        let days = Int(floorDivide(local, 86_400))
        let seconds = Int(local - Int64(days) * 86_400)
        let day = DDIKit.Day(daysSinceEpoch: days)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = abs(offsetMinutes)
        let clock = "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
        return "\(day)T\(clock)\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
