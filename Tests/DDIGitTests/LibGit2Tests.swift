import XCTest
@testable import DDIGit

final class LibGit2Tests: XCTestCase {
    func testLinksTheSystemLibrary() {
        let parts = LibGit2.version.split(separator: ".").compactMap { Int($0) }
        XCTAssertEqual(parts.count, 3)
        XCTAssertGreaterThanOrEqual(parts.first ?? 0, 1)
    }
}
