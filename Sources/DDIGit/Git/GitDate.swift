import DDIKit
import Foundation

/// The date formats of `GIT_AUTHOR_DATE` / `GIT_COMMITTER_DATE` that scripts use (git's "Date
/// Formats" in `git help commit`): git's internal `@SECONDS +HHMM` (or without `@`), ISO 8601
/// (`2026-08-11T10:15:00+01:00`, `2026-08-11 10:15:00 +0100`, `Z`) and RFC 2822
/// (`Tue, 11 Aug 2026 10:15:00 +0100`). A date without a zone is local time, as git takes it.
enum GitDate {
    /// Seconds since 1970 and the zone in minutes east of UTC, or nil for a format not read here.
    static func parse(_ raw: String) -> (Int64, Int)? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: " ").map(String.init)
        if let first = parts.first, parts.count <= 2 {
            let digits = first.hasPrefix("@") ? String(first.dropFirst()) : first
            if let seconds = Int64(digits), digits.allSatisfy(\.isNumber), first.hasPrefix("@") || parts.count == 2 {
                if parts.count == 1 { return (seconds, 0) }
                guard let offset = zone(parts[1]) else { return nil }
                return (seconds, offset)
            }
        }
        return iso(text) ?? rfc2822(parts)
    }

    /// `YYYY-MM-DD[T| ]HH:MM[:SS][ ][zone]`.
    static func iso(_ text: String) -> (Int64, Int)? {
        let scalars = Array(text)
        guard scalars.count >= 16, let day = Day(iso: String(scalars[0..<10])), scalars[10] == "T" || scalars[10] == " " else { return nil }
        var rest = String(scalars[11...])
        var zoneText = ""
        if let index = rest.firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" || $0 == " " }) {
            zoneText = rest[index...].trimmingCharacters(in: .whitespaces)
            rest = String(rest[..<index])
        }
        let clock = rest.split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0 != nil }) else { return nil }
        let hour = clock[0] ?? 0, minute = clock[1] ?? 0, second = clock.count == 3 ? clock[2] ?? 0 : 0
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return at(local, zone: zoneText)
    }

    /// `[Day, ]DD Mon YYYY HH:MM:SS zone`.
    static func rfc2822(_ parts: [String]) -> (Int64, Int)? {
        var parts = parts
        if let first = parts.first, first.hasSuffix(",") { parts.removeFirst() }
        guard parts.count == 5, let dayOfMonth = Int(parts[0]), let year = Int(parts[2]),
              let month = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].firstIndex(of: parts[1].lowercased()),
              let day = Day(year: year, month: month + 1, day: dayOfMonth) else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0..<61).contains(clock[2]) else { return nil }
        let local = Int64(day.daysSinceEpoch) * 86_400 + Int64(clock[0] * 3600 + clock[1] * 60 + clock[2])
        return at(local, zone: parts[4])
    }

    /// Local wall-clock seconds in `zone` (empty: the machine's zone) to UTC seconds and offset.
    static func at(_ local: Int64, zone zoneText: String) -> (Int64, Int)? {
        if zoneText.isEmpty {
            let guess = Date(timeIntervalSince1970: TimeInterval(local))
            let offset = TimeZone.current.secondsFromGMT(for: guess) / 60
            return (local - Int64(offset) * 60, offset)
        }
        guard let offset = zone(zoneText) else { return nil }
        return (local - Int64(offset) * 60, offset)
    }

    /// `+0100`, `+01:00`, `-0530`, `Z`: minutes east of UTC.
    static func zone(_ text: String) -> Int? {
        if text == "Z" || text == "z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, digits.allSatisfy(\.isNumber), let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)),
              hours < 24, minutes < 60 else { return nil }
        let offset = hours * 60 + minutes
        return sign == "-" ? -offset : offset
    }
}
