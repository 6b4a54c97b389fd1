import Foundation
import XCTest
@testable import DDIApply

/// Secrets are redacted before anything is shortened, and credential shapes are redacted even
/// when this process never saw the value.
final class RedactorTests: XCTestCase {
    /// Every piece of `secret` at least 4 characters long that appears in `text`.
    func leakedPieces(of secret: String, in text: String) -> [String] {
        let characters = Array(secret)
        var pieces: [String] = []
        for start in 0..<characters.count {
            for end in (start + 4)...max(start + 4, characters.count) where end <= characters.count {
                let piece = String(characters[start..<end])
                if text.contains(piece) { pieces.append(piece) }
            }
        }
        return pieces
    }

    /// A 400-byte error body with the client secret at byte 290: cutting to 300 bytes first once
    /// showed "very-secr".
    func testASecretCutByTruncationLeavesNoPiece() {
        let body = String(repeating: ".", count: 290) + GraphFixtures.secret + String(repeating: ".", count: 400 - 290 - GraphFixtures.secret.count)
        XCTAssertEqual(body.utf8.count, 400)
        let transport = ScriptedTransport([GraphFixtures.token] + Array(repeating: HTTPResponse(status: 500, body: Data(body.utf8)), count: 10))
        XCTAssertThrowsError(try GraphFixtures.client(transport).getAll(GraphPaths.users, query: [])) { error in
            let text = "\(error)"
            XCTAssertEqual(leakedPieces(of: GraphFixtures.secret, in: text), [], text)
            XCTAssertTrue(text.contains("[redacted]"), text)
        }
        let tokenBody = String(repeating: ".", count: 290) + "Access token is invalid: " + GraphFixtures.tokenValue
        let refused = ScriptedTransport([GraphFixtures.token, HTTPResponse(status: 403, body: Data(tokenBody.utf8))])
        XCTAssertThrowsError(try GraphFixtures.client(refused).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertEqual(leakedPieces(of: GraphFixtures.tokenValue, in: "\(error)"), [], "\(error)")
        }
    }

    func testShortenedRedactsFirst() {
        let redactor = Redactor(["0123456789abcdef"])
        let text = String(repeating: "x", count: 295) + "0123456789abcdef" + String(repeating: "y", count: 100)
        let short = redactor.shortened(text, limit: 300)
        XCTAssertFalse(short.contains("01234"), short)
        XCTAssertTrue(short.hasPrefix(String(repeating: "x", count: 295) + "[red"), short)
        XCTAssertLessThanOrEqual(short.count, 301)
    }

    func testCredentialShapesAreRedactedEvenWhenUnknown() {
        let redactor = Redactor()
        let samples = [
            (#"{"token_type":"Bearer","access_token":"unknown-token-1","expires_in":3599}"#, "unknown-token-1"),
            (#"{"refresh_token" : "unknown-token-2"}"#, "unknown-token-2"),
            ("grant_type=client_credentials&client_secret=unknown%2Bsecret&scope=x", "unknown%2Bsecret"),
            ("Authorization: Bearer unknown.token.3", "unknown.token.3"),
            ("token eyJ0eXAiOiJKV1QiLCJhbGciOi.eyJhdWQiOiJodHRwczovL2dyYXBo.c2lnbmF0dXJl here", "eyJ0eXAiOiJKV1Qi"),
        ]
        for (text, secret) in samples {
            let redacted = redactor.redact(text)
            XCTAssertFalse(redacted.contains(secret), redacted)
            XCTAssertTrue(redacted.contains("[redacted]"), redacted)
        }
        XCTAssertEqual(redactor.redact("client_secret=abc&scope=x"), "client_secret=[redacted]&scope=x")
    }

    func testKnownSecretsInEncodedAndEscapedForms() {
        let redactor = Redactor(["s3cr3t~Value+/=x!ZZ"])
        for form in ["s3cr3t~Value+/=x!ZZ", "s3cr3t~Value%2B%2F%3Dx%21ZZ", "s3cr3t%7EValue%2B%2F%3Dx%21ZZ", #"s3cr3t~Value+\/=x!ZZ"#] {
            XCTAssertEqual(redactor.redact("<\(form)>"), "<[redacted]>", form)
        }
    }
}
