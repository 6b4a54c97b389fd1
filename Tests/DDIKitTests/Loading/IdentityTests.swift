import XCTest
@testable import DDIKit

/// `Identity.looksLikeUPN` byte by byte: exactly the printable ASCII bytes outside the shell and
/// PowerShell characters are accepted, wherever they stand (the check became a switch).
final class IdentityTests: XCTestCase {
    private static let forbidden = Set("\"'`$;,()<>[]\\{}|".utf8)

    func testEveryByteIsJudgedAsTheForbiddenListSays() {
        for byte in UInt8(0)...UInt8(127) where byte != UInt8(ascii: "@") && byte != UInt8(ascii: ".") {
            let expected = byte > 32 && byte < 127 && !Self.forbidden.contains(byte)
            let character = String(decoding: [byte], as: UTF8.self)
            for upn in ["a\(character)b@contoso.com", "anna@con\(character)toso.com", "\(character)@contoso.com"] {
                XCTAssertEqual(Identity.looksLikeUPN(upn), expected, "byte \(byte) in \(upn.debugDescription)")
            }
        }
        XCTAssertFalse(Identity.looksLikeUPN("jörg@contoso.com"), "non-ASCII bytes are refused")
        XCTAssertTrue(Identity.looksLikeUPN("anna.kowalska@contoso.com"))
        XCTAssertFalse(Identity.looksLikeUPN("anna@contoso"), "a domain needs a dot")
    }
}
