import Foundation
import XCTest
@testable import DDIApply

/// numberAssignments pages with `$top` (default 500, at most 1,000) and `$skip`, as Example 3 of
/// https://learn.microsoft.com/graph/api/teamsadministration-telephonenumbermanagementroot-list-numberassignments
/// shows; `@odata.nextLink` is followed when the server sends one. A list ends only at a short page.
final class GraphPagingTests: XCTestCase {
    func numbers(_ range: Range<Int>) -> [[String: Any]] {
        range.map { ["id": "id-\($0)", "telephoneNumber": "+4533\(100_000 + $0)"] }
    }

    func queries(_ transport: ScriptedTransport) -> [[String: String]] {
        transport.requests.filter { $0.url.path.hasSuffix("numberAssignments") }.map { request in
            let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        }
    }

    func testFullPagesAreFollowedBySkipUntilAShortPage() throws {
        let transport = ScriptedTransport([GraphFixtures.token, GraphFixtures.page(numbers(0..<3)), GraphFixtures.page(numbers(3..<6)), GraphFixtures.page(numbers(6..<7))])
        let items = try GraphFixtures.client(transport).getAll(GraphPaths.numberAssignments, query: [], pageSize: 3)
        XCTAssertEqual(items.count, 7)
        XCTAssertEqual(queries(transport), [["$top": "3"], ["$top": "3", "$skip": "3"], ["$top": "3", "$skip": "6"]])
    }

    func testAnEmptyPageAfterAFullOneEndsTheList() throws {
        let transport = ScriptedTransport([GraphFixtures.token, GraphFixtures.page(numbers(0..<2)), GraphFixtures.page([])])
        XCTAssertEqual(try GraphFixtures.client(transport).getAll(GraphPaths.numberAssignments, query: [], pageSize: 2).count, 2)
        XCTAssertEqual(queries(transport).count, 2)
    }

    func testNextLinksAreFollowedAndTheirLastPageEndsTheList() throws {
        let next = "http://127.0.0.1:1/v1.0/admin/teams/telephoneNumberManagement/numberAssignments?$top=2&$skiptoken=2"
        let transport = ScriptedTransport([GraphFixtures.token, GraphFixtures.page(numbers(0..<2), next: next), GraphFixtures.page(numbers(2..<4))])
        let items = try GraphFixtures.client(transport).getAll(GraphPaths.numberAssignments, query: [], pageSize: 2)
        XCTAssertEqual(items.count, 4)
        XCTAssertEqual(queries(transport).count, 2, "the last page of a link chain is the one without a link")
    }

    func testAServerThatIgnoresSkipIsAnErrorNotASilentlyShortList() {
        let transport = ScriptedTransport([GraphFixtures.token, GraphFixtures.page(numbers(0..<2)), GraphFixtures.page(numbers(0..<2))])
        XCTAssertThrowsError(try GraphFixtures.client(transport).getAll(GraphPaths.numberAssignments, query: [], pageSize: 2)) { error in
            XCTAssertTrue("\(error)".contains("ignored $skip=2"), "\(error)")
        }
    }

    func testWithoutAPageSizeOnlyLinksArePaged() throws {
        let transport = ScriptedTransport([GraphFixtures.token, GraphFixtures.page(numbers(0..<2))])
        XCTAssertEqual(try GraphFixtures.client(transport).getAll(GraphPaths.numberAssignments, query: []).count, 2)
        XCTAssertEqual(queries(transport), [[:]])
    }
}
