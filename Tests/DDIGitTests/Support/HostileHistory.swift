import DDIKit
import XCTest
@testable import DDIGit

/// A repository written by an attacker: the second commit puts an escape sequence and a forged
/// GitHub annotation into an entry's owner and note, and into the commit's author and message.
final class HostileHistory {
    static let number = "+4533121042"
    /// The value as it is written in the YAML file (a double-quoted scalar with escapes).
    static let yamlValue = "\"Front Office\\e[31m\\n::error file=x::Approved\""
    static let author = "Eve\u{1B}[31m Mallory"
    static let email = "eve\u{1B}[31m@contoso.com"
    static let message = "\u{1B}[31mApproved\r::error file=x::Approved"

    let fixture: GitFixture
    let history: GitHistory

    init() throws {
        fixture = try GitFixture()
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("numbers.yaml", Sample.ranges + Sample.file(Sample.assigned(Self.number, to: "anna.jensen@contoso.com")))
        try fixture.commit("import")
        try fixture.write("numbers.yaml", Sample.ranges + Sample.file(Sample.assigned(Self.number, to: "anna.jensen@contoso.com", owner: Self.yamlValue)) + "    note: \(Self.yamlValue)\n")
        try fixture.commit(Self.message, author: Self.author, email: Self.email)
        history = GitHistory(repository: try GitRepository.discover(from: fixture.path), prefix: "")
    }

    /// No raw ESC, and no line that GitHub would read as a workflow command.
    static func assertHarmless(_ output: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(output.unicodeScalars.contains("\u{1B}"), "a raw ESC reaches the output:\n\(output)", file: file, line: line)
        XCTAssertFalse(output.unicodeScalars.contains("\r"), "a raw CR reaches the output:\n\(output)", file: file, line: line)
        for text in output.split(separator: "\n") where text.hasPrefix("::") {
            XCTFail("a forged workflow command: \(text)", file: file, line: line)
        }
    }
}
