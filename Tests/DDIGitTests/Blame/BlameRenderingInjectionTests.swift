import DDIKit
import XCTest
@testable import DDIGit

final class BlameRenderingInjectionTests: XCTestCase {
    func testBlameTextEscapesTheAuthorAndTheLine() throws {
        let hostile = try HostileHistory()
        let lines = try InventoryBlame.blame(hostile.history, repositoryPath: "numbers.yaml", inventoryPath: "numbers.yaml",
                                             at: try hostile.history.resolve("HEAD"), label: "HEAD")
        let text = BlameRenderer.text(lines)
        HostileHistory.assertHarmless(text)
        XCTAssertTrue(text.contains("Eve\\u{1B}[31m"), text)
    }

    func testBlameTextEscapesAFileLineWithARawEscape() throws {
        let fixture = try GitFixture()
        try fixture.write("numbers.yaml", Sample.ranges + "numbers: []\n# \u{1B}]0;owned\u{07}\u{1B}[2J\n")
        try fixture.commit("import")
        let history = GitHistory(repository: try GitRepository.discover(from: fixture.path), prefix: "")
        let lines = try InventoryBlame.blame(history, repositoryPath: "numbers.yaml", inventoryPath: "numbers.yaml",
                                             at: try history.resolve("HEAD"), label: "HEAD")
        let text = BlameRenderer.text(lines)
        HostileHistory.assertHarmless(text)
        XCTAssertTrue(text.contains("| # \\u{1B}]0;owned\\u{7}\\u{1B}[2J"), text)
    }
}
