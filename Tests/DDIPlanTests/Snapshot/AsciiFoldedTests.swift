import DDITestSupport
import Foundation
import XCTest
@testable import DDIPlan

/// `asciiFolded` reads the bytes in place when it can; it must give what the index-by-index check
/// gave, for every kind of string Swift stores (small, large, bridged, sliced, non-ASCII).
final class AsciiFoldedTests: XCTestCase {
    static func reference(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 || $0 >= 128 }) else { return text }
        return text.lowercased()
    }

    func testFoldingMatchesTheIndexByIndexCheck() {
        var texts = ["", "a", "A", "6c063150-c64a-4293-94c3-66206d91f877", "6C063150-C64A-4293-94C3-66206D91F877",
                     "User@Contoso.com", "straße@contoso.com", "ÄÖÜ", "İstanbul", "x\u{0}Y", String(repeating: "ab", count: 40) + "Z",
                     NSString(string: "Bridged@Contoso.COM") as String, String("--Sliced@Example.ORG--".dropFirst(2).dropLast(2))]
        var generator = SeededGenerator(defaultSeed: 20261130)
        let alphabet = Array("aZ09-@.{}äÉ ")
        for _ in 0..<2_000 {
            texts.append(String((0..<Int.random(in: 0..<40, using: &generator)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }))
        }
        for text in texts {
            XCTAssertEqual(text.asciiFolded, Self.reference(text), text)
        }
    }
}
